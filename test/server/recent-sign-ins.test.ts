/**
 * A token checked within the last minute is not checked again before its `exp`; a member's repeated
 * sign-in with the same claims skips its statement for a minute; any other claim still writes at
 * once, as every sign-in does (src/server/auth.ts, `RecentSignIns`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Queryable } from '../../src/domain/database.ts';
import { RecentSignIns, signToken, type AuthOptions } from '../../src/server/auth.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../helpers/server.ts';

let server: TestServer;
before(async () => (server = await createTestServer()));
after(() => server.close());

/** The test server's database, counting the statements it runs. */
function counted(): { db: Queryable; statements: () => number } {
  let statements = 0;
  const db: Queryable = { query: (...args: Parameters<Queryable['query']>) => ((statements += 1), server.db.query(...args)) };
  return { db, statements: () => statements };
}

describe('recent sign-ins', () => {
  it('skips the statement for the same claims, writes other claims at once, and forgets after its time', async () => {
    const { asker } = server.fixtures.members;
    const claims = { externalId: asker.externalId, pseudonym: asker.pseudonym, role: asker.role, region: undefined };
    const { db, statements } = counted();
    const recent = new RecentSignIns();
    const communityId = server.fixtures.communityId;
    assert.equal(await recent.memberOf(db, communityId, claims), asker.id);
    const first = statements();
    assert.ok(first >= 1);
    assert.equal(await recent.memberOf(db, communityId, claims), asker.id);
    assert.equal(statements(), first, 'the same claims again: no statement');

    // A new address, then none: each is written, as the brand's token says.
    await recent.memberOf(db, communityId, { ...claims, email: 'asker@example.com' });
    const emailOf = async () => (await server.db.query<{ email: string | null }>('select email from members where id = $1', [asker.id]))[0]!.email;
    assert.equal(await emailOf(), 'asker@example.com');
    await recent.memberOf(db, communityId, claims);
    assert.equal(await emailOf(), null);
    await recent.memberOf(db, communityId, { ...claims, email: 'asker@example.com' });
    assert.equal(await emailOf(), 'asker@example.com');

    const expired = new RecentSignIns(0);
    await expired.memberOf(db, communityId, claims);
    const before = statements();
    await expired.memberOf(db, communityId, claims);
    assert.ok(statements() > before, 'after its time, the sign-in reads the row again');
  });

  it('keeps at most its size, the oldest sign-in leaving first', async () => {
    const { asker, helper } = server.fixtures.members;
    const claimsOf = (member: typeof asker) => ({ externalId: member.externalId, pseudonym: member.pseudonym, role: member.role, region: undefined });
    const { db, statements } = counted();
    const recent = new RecentSignIns(60_000, 1);
    await recent.memberOf(db, server.fixtures.communityId, claimsOf(asker));
    await recent.memberOf(db, server.fixtures.communityId, claimsOf(helper));
    const before = statements();
    await recent.memberOf(db, server.fixtures.communityId, claimsOf(helper));
    assert.equal(statements(), before);
    await recent.memberOf(db, server.fixtures.communityId, claimsOf(asker));
    assert.ok(statements() > before, 'the asker left to make room');
  });
});

describe('recently checked tokens', () => {
  /** The server's options, counting how often a check reads its secret. */
  function countedOptions(): { options: AuthOptions; reads: () => number } {
    let reads = 0;
    const options = { get secret() { reads += 1; return TEST_SECRET; } };
    return { options, reads: () => reads };
  }

  it('checks a token once, never takes a forged twin for it, and refuses it once its exp has passed', async () => {
    const recent = new RecentSignIns();
    const { options, reads } = countedOptions();
    const { token } = await signToken(TEST_SECRET, { sub: 'brand:7', name: 'Nina', role: 'member' }, { ttlSeconds: 1 });
    assert.equal((await recent.claimsOf(token, options)).externalId, 'brand:7');
    const checked = reads();
    assert.ok(checked >= 1);
    assert.equal((await recent.claimsOf(token, options)).pseudonym, 'Nina');
    assert.equal(reads(), checked, 'the same token again is not checked again');

    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await assert.rejects(recent.claimsOf(forged, options), { code: 'unauthorized' });

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await assert.rejects(recent.claimsOf(token, options), { code: 'unauthorized', message: /expired/ });
  });
});

/** Any number of people may share a name: nobody is locked out, everyone keeps what they were given. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '../../../src/core/limits.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

type Member = { externalId: string; pseudonym: string; role: 'member' };

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) results.push(...(await Promise.all(items.slice(start, start + width).map(task))));
  return results;
}

describe('pseudonyms shared by many members', { timeout: 600_000 }, () => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer({ listen: true });
  });
  after(() => server.close());

  async function sessionOf(member: Member): Promise<{ status: number; pseudonym: string | undefined; id: number | undefined }> {
    const response = await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${await server.tokenFor(member)}` } });
    const body = (await response.json()) as { member?: { pseudonym: string; id: number } | null };
    return { status: response.status, pseudonym: body.member?.pseudonym, id: body.member?.id };
  }

  it('gives the three Maries of the issue three pseudonyms, each kept on the next request', async () => {
    const maries = ['user-1001', 'user-1002', 'user-1003'].map((externalId): Member => ({ externalId, pseudonym: 'Marie', role: 'member' }));
    const first = [];
    for (const marie of maries) first.push(await sessionOf(marie));
    assert.deepEqual(first.map((s) => s.status), [200, 200, 200]);
    assert.equal(first[0]!.pseudonym, 'Marie');
    assert.equal(new Set(first.map((s) => s.pseudonym!.toLowerCase())).size, 3);
    for (const [index, marie] of maries.entries()) assert.deepEqual(await sessionOf(marie), first[index]);
  });

  it('serves 1,000 members named alike, each with their own pseudonym, kept across requests', async () => {
    const members = Array.from({ length: 1000 }, (_, i): Member => ({ externalId: `many-${i}`, pseudonym: 'Camille', role: 'member' }));
    const first = await inBatches(members, 20, sessionOf);
    assert.deepEqual(first.filter((s) => s.status !== 200), [], 'every first request answers 200');
    const names = first.map((s) => s.pseudonym!);
    assert.equal(new Set(names.map((name) => name.toLowerCase())).size, 1000, 'all pseudonyms distinct');
    for (const name of names) assert.ok(name.length <= LIMITS.pseudonymMax && name.startsWith('Camille'), name);
    const again = await inBatches(members, 20, sessionOf);
    assert.deepEqual(again, first, 'a second request keeps each pseudonym');
  });

  it('survives first requests arriving at once, with one name and with one member', async () => {
    const alike = Array.from({ length: 12 }, (_, i): Member => ({ externalId: `race-${i}`, pseudonym: 'Dominique', role: 'member' }));
    const sameMember: Member = { externalId: 'race-self', pseudonym: 'Sacha', role: 'member' };
    const results = await Promise.all([...alike.map(sessionOf), ...Array.from({ length: 6 }, () => sessionOf(sameMember))]);
    assert.deepEqual(results.filter((s) => s.status !== 200), []);
    assert.equal(new Set(results.slice(0, 12).map((s) => s.pseudonym!.toLowerCase())).size, 12);
    assert.equal(new Set(results.slice(12).map((s) => s.id)).size, 1, 'one member, however many first requests');
  });

  it('fits a suffixed pseudonym within the limit when the name is already as long as allowed', async () => {
    const longName = 'L'.repeat(LIMITS.pseudonymMax);
    const [a, b] = [await sessionOf({ externalId: 'long-a', pseudonym: longName, role: 'member' }), await sessionOf({ externalId: 'long-b', pseudonym: longName, role: 'member' })];
    assert.equal(a.pseudonym, longName);
    assert.equal(b.status, 200);
    assert.ok(b.pseudonym!.length <= LIMITS.pseudonymMax && b.pseudonym !== longName, b.pseudonym);
  });

  it('follows a name change even when the old pseudonym starts with the new name', async () => {
    const member: Member = { externalId: 'rename-1', pseudonym: 'Marielle', role: 'member' };
    assert.equal((await sessionOf(member)).pseudonym, 'Marielle');
    assert.equal((await sessionOf({ ...member, pseudonym: 'Mariel' })).pseudonym, 'Mariel');
    assert.equal((await sessionOf({ ...member, pseudonym: 'Mariel' })).pseudonym, 'Mariel');
  });

  it('moves a renamed member to a suffixed pseudonym when the new name is taken, and keeps it', async () => {
    await sessionOf({ externalId: 'rename-holder', pseudonym: 'Noa', role: 'member' });
    const member: Member = { externalId: 'rename-2', pseudonym: 'Eden', role: 'member' };
    await sessionOf(member);
    const renamed = await sessionOf({ ...member, pseudonym: 'Noa' });
    assert.equal(renamed.status, 200);
    assert.match(renamed.pseudonym!, /^Noa-/);
    assert.deepEqual(await sessionOf({ ...member, pseudonym: 'Noa' }), renamed);
  });
});

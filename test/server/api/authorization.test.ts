/**
 * Every route × every role: who may call what. A route added to the contract without a row
 * here fails the first test, so nobody forgets to decide who may call it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { AUDIENCES } from '../../../src/contract/common.ts';
import { routes, type RouteName } from '../../../src/contract/routes.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';
import { matrixRows, type Fixture, type Row } from './authorization.rows.ts';

const ROLES = ['guest', 'asker', 'otherMember', 'advisor', 'moderator', 'admin'] as const;
type Who = (typeof ROLES)[number];

let server: TestServer;
let tokens: Record<Exclude<Who, 'guest'>, string>;
let fixture: Fixture;

before(async () => {
  server = await createTestServer({ demo: true });
  const { members } = server.fixtures;
  tokens = {
    asker: await server.tokenFor(members.asker),
    otherMember: await server.tokenFor(members.other),
    advisor: await server.tokenFor(members.advisor),
    moderator: await server.tokenFor(members.moderator),
    admin: await server.tokenFor(members.admin),
  };
  fixture = { server, threadId: server.fixtures.threadId, categoryId: server.fixtures.categories.billing };
});
after(() => server.close());

const rows = matrixRows();

describe('authorization matrix', { timeout: 600_000 }, () => {
  it('has a row for every route of the contract', () => {
    const missing = (Object.keys(routes) as RouteName[]).filter((name) => !rows[name]);
    assert.deepEqual(missing, []);
  });

  // The audience each route declares is what its OpenAPI description says: the rows below check it over HTTP.
  it('agrees with the audience each route declares', () => {
    for (const [name, row] of Object.entries(rows) as Array<[RouteName, Row]>) {
      const outcome = { ...row.expect, admin: row.expect.admin ?? row.expect.moderator };
      const allowed = { guest: outcome.guest, member: outcome.asker === 'allowed' ? 'allowed' : outcome.otherMember, advisor: outcome.advisor, moderator: outcome.moderator, admin: outcome.admin };
      const roles = Object.entries(allowed).filter(([, value]) => value === 'allowed').map(([role]) => role);
      assert.deepEqual(roles, AUDIENCES[routes[name].audience].roles, name);
    }
  });

  for (const [name, row] of Object.entries(rows) as Array<[RouteName, Row]>) {
    it(`${routes[name].method} ${routes[name].url}`, async () => {
      const outcomes: Record<string, string> = {};
      for (const who of ROLES) {
        const request = await row.request(fixture, who);
        const headers = { ...(request.headers as Record<string, string> | undefined), ...(who === 'guest' ? {} : { authorization: `Bearer ${tokens[who]}` }) };
        const response = await server.app.inject({ ...request, headers } as InjectOptions);
        if (request.payloadAsStream) response.stream().destroy();
        outcomes[who] = response.statusCode === 401 ? 'sign-in' : response.statusCode === 403 ? 'forbidden' : response.statusCode === 404 && row.hidden?.includes(who === 'admin' && !row.expect.admin ? 'moderator' : who) ? 'hidden' : 'allowed';
      }
      // An admin holds a moderator's powers: the same outcome unless the row says otherwise.
      const expected = Object.fromEntries(ROLES.map((who) => [who, who === 'admin' ? (row.expect.admin ?? row.expect.moderator) : row.expect[who]]));
      assert.deepEqual(outcomes, expected);
    });
  }
});

/**
 * The two sides of the contract suite (`test/sdk/contract*.test.ts`): the msw adapter of
 * `entraide/mocks` and the real server, both running the domain over the same fixtures. Each
 * suite runs the same SDK calls against both: a check of the adapters, not of two backends.
 */
import { setupServer } from 'msw/node';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createEntraideClient, EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { createForumMocks } from '../../src/mocks/domain/forum.ts';
import { insertFixtures } from './fixtures.ts';
import { createTestServer } from './server.ts';
import { migratedPglite } from './template.ts';

/** The people every side has: a newcomer, a top contributor, another member, two advisors of different teams, a moderator, an admin. */
export type ContractRole = 'newcomer' | 'member' | 'other' | 'advisor' | 'otherAdvisor' | 'moderator' | 'admin';

export interface ContractTarget {
  baseUrl: string;
  tokens: Record<ContractRole, string>;
  /** A client without retries, signed in as `role` (a guest without one). */
  client(role?: ContractRole): EntraideClient;
  close(): Promise<void>;
}

function withClients(baseUrl: string, tokens: Record<ContractRole, string>, close: () => Promise<void>): ContractTarget {
  return { baseUrl, tokens, close, client: (role) => createEntraideClient({ baseUrl, token: role ? tokens[role] : undefined, retry: false }) };
}

export async function realTarget(): Promise<ContractTarget> {
  const server = await createTestServer({ listen: true });
  const { asker, helper, other, advisor, technicalAdvisor, moderator, admin } = server.fixtures.members;
  const tokens = {
    newcomer: await server.tokenFor(asker), member: await server.tokenFor(helper), other: await server.tokenFor(other),
    advisor: await server.tokenFor(advisor), otherAdvisor: await server.tokenFor(technicalAdvisor), moderator: await server.tokenFor(moderator),
    admin: await server.tokenFor(admin),
  };
  return withClients(`${server.url}/api`, tokens, () => server.close());
}

/** The msw adapter of the domain over the same fixtures as the real server, in a PGlite of its own. */
export async function mockTarget(): Promise<ContractTarget> {
  const baseUrl = 'http://domain.entraide.test/api';
  const db = await migratedPglite();
  const { members } = await insertFixtures(db);
  const forum = await createForumMocks({ db, baseUrl, demo: false });
  const msw = setupServer(...forum.handlers);
  msw.listen({ onUnhandledFrame: 'bypass' });
  const { asker, helper, other, advisor, technicalAdvisor, moderator, admin } = members;
  const tokens = {
    newcomer: forum.tokenFor(asker.id), member: forum.tokenFor(helper.id), other: forum.tokenFor(other.id),
    advisor: forum.tokenFor(advisor.id), otherAdvisor: forum.tokenFor(technicalAdvisor.id), moderator: forum.tokenFor(moderator.id),
    admin: forum.tokenFor(admin.id),
  };
  return withClients(baseUrl, tokens, async () => {
    msw.close();
    await forum.close();
    await db.close();
  });
}

/** Every side, for `for (const [name, makeTarget] of CONTRACT_TARGETS) describe(…)`. */
export const CONTRACT_TARGETS = [['mocks', mockTarget], ['real server', realTarget]] as const;

/** The error a rejected call failed with, as `'403 forbidden'` ('' when it did not fail). */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return '';
  } catch (error) {
    assert.ok(error instanceof EntraideError, String(error));
    return `${error.status} ${error.code}`;
  }
}

const ROLES = ['newcomer', 'member', 'other', 'advisor', 'otherAdvisor', 'moderator', 'admin'] as const;

/** A client per role and a guest, each role's member id on that side, and the first category. */
export async function castOf(target: ContractTarget): Promise<{
  clients: Record<ContractRole | 'guest', EntraideClient>;
  ids: Record<ContractRole, number>;
  categoryId: number;
}> {
  const clients = { guest: target.client() } as Record<ContractRole | 'guest', EntraideClient>;
  const ids = {} as Record<ContractRole, number>;
  for (const role of ROLES) {
    clients[role] = target.client(role);
    ids[role] = (await clients[role].session.get()).member!.id;
  }
  return { clients, ids, categoryId: (await clients.guest.community.get()).categories[0]!.id };
}

export interface Cast {
  target: ContractTarget;
  clients: Record<ContractRole | 'guest', EntraideClient>;
  ids: Record<ContractRole, number>;
  categoryId: number;
}

/**
 * For a describe block: its target and cast, made in `before` and closed in `after`. The
 * `clients` and `ids` objects stay the same (destructure them once); read the rest in tests.
 */
export function useCast(makeTarget: () => Promise<ContractTarget>): Cast {
  const cast = { clients: {}, ids: {}, categoryId: 0 } as Cast;
  before(async () => {
    cast.target = await makeTarget();
    const { clients, ids, categoryId } = await castOf(cast.target);
    Object.assign(cast.clients, clients);
    Object.assign(cast.ids, ids);
    cast.categoryId = categoryId;
  });
  after(() => cast.target?.close());
  return cast;
}

/**
 * The incident banner for a reader (issue 15, item 11), against the real server: an incident
 * shows only in its category and to its region (the token's `region` claim), a member's
 * dismissal is kept on the server and lifted by the incident's next update.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { signToken } from '../../../src/server/auth.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
const tokens = { advisor: '', breton: '', parisian: '', noRegion: '' };
const ids = { everywhere: 0, billing: 0, bretagne: 0, billingBretagne: 0 };

before(async () => {
  server = await createTestServer();
  const { members, categories } = server.fixtures;
  tokens.advisor = await server.tokenFor(members.advisor);
  const as = async (member: { externalId: string; pseudonym: string }, region?: string) =>
    (await signToken(TEST_SECRET, { sub: member.externalId, name: member.pseudonym, role: 'member', ...(region ? { region } : {}) })).token;
  tokens.breton = await as(members.asker, 'Bretagne');
  tokens.parisian = await as(members.helper, 'Île-de-France');
  tokens.noRegion = await as(members.other);
  const declare = async (title: string, extra: { categoryId?: number; region?: string }) => {
    const response = await server.app.inject(call('advisor', { method: 'POST', url: '/api/incidents', payload: { title, bannerText: `${title} en cours.`, threadIds: [], ...extra } }));
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: number }>().id;
  };
  ids.everywhere = await declare('Panne nationale', {});
  ids.billing = await declare('Factures en retard', { categoryId: categories.billing });
  ids.bretagne = await declare('Antenne coupée à Rennes', { region: 'bretagne ' });
  ids.billingBretagne = await declare('Prélèvements bretons', { categoryId: categories.billing, region: 'Bretagne' });
});
after(() => server.close());

function call(who: keyof typeof tokens | 'guest', options: InjectOptions): InjectOptions {
  return who === 'guest' ? options : { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[who]}` } };
}

async function banner(who: keyof typeof tokens | 'guest', query = ''): Promise<number[]> {
  const response = await server.app.inject(call(who, { url: `/api/incident-banner${query}` }));
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ items: { id: number }[] }>().items.map((incident) => incident.id).sort((a, b) => a - b);
}

describe('incident banner scope', { timeout: 600_000 }, () => {
  it('shows a guest the region-less incidents, and in the incident’s category its regional ones too', async () => {
    assert.deepEqual(await banner('guest'), [ids.everywhere]);
    assert.deepEqual(await banner('guest', `?categoryId=${server.fixtures.categories.network}`), [ids.everywhere]);
    assert.deepEqual(await banner('guest', `?categoryId=${server.fixtures.categories.billing}`), [ids.everywhere, ids.billing, ids.billingBretagne]);
  });

  it('shows a member the incidents of their region (any case or accent), not the others’', async () => {
    assert.deepEqual(await banner('breton'), [ids.everywhere, ids.bretagne]);
    assert.deepEqual(await banner('breton', `?categoryId=${server.fixtures.categories.billing}`), [ids.everywhere, ids.billing, ids.bretagne, ids.billingBretagne]);
    assert.deepEqual(await banner('parisian', `?categoryId=${server.fixtures.categories.billing}`), [ids.everywhere, ids.billing]);
    assert.deepEqual(await banner('noRegion'), [ids.everywhere]);
  });

  it('takes a thread’s category as the one read', async () => {
    const { threadId, categories } = server.fixtures;
    const [thread] = await server.db.query<{ category_id: number }>('select category_id from threads where id = $1', [threadId]);
    assert.equal(thread!.category_id, categories.billing);
    assert.deepEqual(await banner('guest', `?threadId=${threadId}`), await banner('guest', `?categoryId=${categories.billing}`));
    assert.equal((await server.app.inject({ url: '/api/incident-banner?threadId=999999' })).statusCode, 404);
    assert.equal((await server.app.inject({ url: '/api/incident-banner?categoryId=abc' })).statusCode, 400);
  });
});

describe('dismissing a banner', { timeout: 600_000 }, () => {
  it('hides it for that member only, until the incident’s next update', async () => {
    const dismiss = await server.app.inject(call('breton', { method: 'PUT', url: `/api/incidents/${ids.bretagne}/dismissal` }));
    assert.equal(dismiss.statusCode, 200, dismiss.body);
    assert.equal(dismiss.json<{ incidentId: number }>().incidentId, ids.bretagne);
    assert.deepEqual(await banner('breton'), [ids.everywhere]);
    // Dismissing twice is harmless.
    assert.equal((await server.app.inject(call('breton', { method: 'PUT', url: `/api/incidents/${ids.bretagne}/dismissal` }))).statusCode, 200);
    assert.deepEqual(await banner('parisian'), [ids.everywhere]);
    assert.deepEqual(await banner('advisor'), [ids.everywhere]);

    const update = await server.app.inject(call('advisor', { method: 'POST', url: `/api/incidents/${ids.bretagne}/updates`, payload: { status: 'identified', text: 'Une antenne est en réparation.' } }));
    assert.equal(update.statusCode, 201, update.body);
    assert.deepEqual(await banner('breton'), [ids.everywhere, ids.bretagne]);
  });

  it('refuses guests with a 401, an unknown incident with a 404, and writes nothing then', async () => {
    const count = async () => (await server.db.query<{ n: number }>('select count(*)::int as n from incident_dismissals'))[0]!.n;
    const before = await count();
    const guest = await server.app.inject({ method: 'PUT', url: `/api/incidents/${ids.everywhere}/dismissal` });
    assert.equal(guest.statusCode, 401);
    assert.equal(guest.json<{ error: { code: string } }>().error.code, 'unauthorized');
    assert.equal((await server.app.inject(call('breton', { method: 'PUT', url: '/api/incidents/999999/dismissal' }))).statusCode, 404);
    assert.equal((await server.app.inject(call('breton', { method: 'PUT', url: '/api/incidents/abc/dismissal' }))).statusCode, 400);
    assert.equal(await count(), before);
  });
});

/**
 * Community texts in the reader's language (issue 15, item 10), against the real server: an
 * incident's English title and banner (the banner route, the member's notifications, the live
 * event), the advisor signature in each thread's language, and the community's time zone.
 * Bad input is a typed 400 that writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
const tokens = { advisor: '', asker: '', helper: '', admin: '' };
const english = { title: 'Network outage in Brittany', bannerText: 'Calls and data are down around Rennes; engineers are on it.' };

before(async () => {
  server = await createTestServer();
  for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[who] = await server.tokenFor(server.fixtures.members[who]);
});
after(() => server.close());

function as(who: keyof typeof tokens | 'guest', options: InjectOptions): InjectOptions {
  return who === 'guest' ? options : { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[who]}` } };
}

async function declare(payload: Record<string, unknown>) {
  return server.app.inject(as('advisor', { method: 'POST', url: '/api/incidents', payload: { threadIds: [], ...payload } }));
}

const incidentCount = async () => Number((await server.db.query<{ n: number }>('select count(*)::int as n from incidents'))[0]!.n);

describe('an incident in two languages', { timeout: 600_000 }, () => {
  let bilingual = 0;
  let frenchOnly = 0;

  before(async () => {
    const made = await declare({ title: 'Panne réseau en Bretagne', bannerText: 'Appels et données coupés autour de Rennes.', translations: { en: english }, threadIds: [server.fixtures.threadId] });
    assert.equal(made.statusCode, 201, made.body);
    bilingual = made.json<{ id: number }>().id;
    assert.deepEqual(made.json<{ translations: unknown }>().translations, { en: english });
    const plain = await declare({ title: 'Factures en retard', bannerText: 'Les factures de novembre arrivent avec deux jours de retard.' });
    frenchOnly = plain.json<{ id: number }>().id;
  });

  it('serves the banner in the reader’s language, and the default one where the advisor wrote none', async () => {
    const banner = async (query: string) => {
      const response = await server.app.inject({ url: `/api/incident-banner${query}` });
      assert.equal(response.statusCode, 200, response.body);
      return new Map(response.json<{ items: { id: number; title: string; bannerText: string }[] }>().items.map((item) => [item.id, item]));
    };
    const en = await banner('?locale=en');
    assert.equal(en.get(bilingual)!.title, english.title);
    assert.equal(en.get(bilingual)!.bannerText, english.bannerText);
    assert.equal(en.get(frenchOnly)!.title, 'Factures en retard');
    const fr = await banner('?locale=fr');
    assert.equal(fr.get(bilingual)!.title, 'Panne réseau en Bretagne');
    assert.equal((await banner('')).get(bilingual)!.title, 'Panne réseau en Bretagne');
    assert.equal((await server.app.inject({ url: '/api/incident-banner?locale=de' })).statusCode, 400);
  });

  it('carries both languages on the live event, for each reader to pick theirs', async () => {
    const [event] = await server.db.query<{ payload: { incident: { id: number; translations?: unknown } } }>(
      `select payload from events where type = 'incident-updated' and (payload->'incident'->>'id')::int = $1 order by id desc limit 1`, [bilingual],
    );
    assert.deepEqual(event!.payload.incident.translations, { en: english });
  });

  it('names the incident in the notified member’s language in their notifications', async () => {
    const notifications = async () => {
      const response = await server.app.inject(as('asker', { url: '/api/notifications' }));
      assert.equal(response.statusCode, 200, response.body);
      return response.json<{ items: { incident: { id: number; title: string } | null }[] }>().items.filter((item) => item.incident?.id === bilingual);
    };
    const [french] = await notifications();
    assert.equal(french!.incident!.title, 'Panne réseau en Bretagne');
    const changed = await server.app.inject(as('asker', { method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } }));
    assert.equal(changed.statusCode, 200, changed.body);
    const [inEnglish] = await notifications();
    assert.equal(inEnglish!.incident!.title, english.title);
  });

  it('refuses a bad English text like a bad French one, with a typed 400 and nothing written', async () => {
    const before = await incidentCount();
    const base = { title: 'Panne fibre', bannerText: 'La fibre est coupée à Lyon.' };
    const bad: Record<string, unknown>[] = [
      { en: { title: 'ok', bannerText: english.bannerText } },
      { en: { title: 'Two\nlines', bannerText: english.bannerText } },
      { en: { title: english.title, bannerText: `Bell\u0007 ${english.bannerText}` } },
      { en: { title: 'x'.repeat(201), bannerText: english.bannerText } },
      { en: { title: english.title } },
      { de: english },
      { fr: english },
    ];
    for (const translations of bad) {
      const response = await declare({ ...base, translations });
      assert.equal(response.statusCode, 400, JSON.stringify(translations));
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'validation_failed');
    }
    assert.equal(await incidentCount(), before);
  });
});

describe('the advisor signature in each thread’s language', { timeout: 600_000 }, () => {
  async function advisorPostIn(locale: 'fr' | 'en'): Promise<number> {
    const { categories, members } = server.fixtures;
    const [thread] = await server.db.query<{ id: number }>(
      `insert into threads (category_id, author_id, title, excerpt, locale) values ($1, $2, $3, 'x', $4) returning id`, [categories.billing, members.asker.id, `Thread ${locale}`, locale],
    );
    await server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'Hello', '<p>Hello</p>')`, [thread!.id, members.advisor.id]);
    return thread!.id;
  }
  const signatureOf = async (threadId: number) => {
    const response = await server.app.inject({ url: `/api/threads/${threadId}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ posts: { items: { signatureHtml?: string }[] } | { signatureHtml?: string }[] }>();
  };
  const signature = async (threadId: number) => {
    const body = await signatureOf(threadId);
    const posts = Array.isArray(body.posts) ? body.posts : body.posts.items;
    return posts[0]!.signatureHtml;
  };

  it('is the default one until the admin writes an English one, then English threads carry it', async () => {
    const en = await advisorPostIn('en');
    const fr = await advisorPostIn('fr');
    assert.equal(await signature(en), '<p>Merci !</p>\n');
    const saved = await server.app.inject(as('admin', { method: 'PATCH', url: '/api/admin/community', payload: { advisorSignatureTranslations: { en: '  Thank you! ' } } }));
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json<{ advisorSignatureTranslations: unknown }>().advisorSignatureTranslations, { en: 'Thank you!' });
    assert.equal(await signature(en), '<p>Thank you!</p>\n');
    assert.equal(await signature(fr), '<p>Merci !</p>\n');
    const community = await server.app.inject({ url: '/api/community?locale=en' });
    assert.equal(community.json<{ advisorSignature: string }>().advisorSignature, 'Thank you!');
    assert.equal((await server.app.inject({ url: '/api/community?locale=fr' })).json<{ advisorSignature: string }>().advisorSignature, 'Merci !');
  });

  it('lets advisors set the English one through the signature route, which keeps the default apart', async () => {
    const thread = await advisorPostIn('en');
    const put = (payload: Record<string, unknown>) => server.app.inject(as('advisor', { method: 'PUT', url: '/api/community/signature', payload }));
    const saved = await put({ text: 'Thanks, **everyone**.', locale: 'en' });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(await signature(thread), '<p>Thanks, <strong>everyone</strong>.</p>\n');
    assert.equal((await server.app.inject({ url: '/api/community?locale=fr' })).json<{ advisorSignature: string }>().advisorSignature, 'Merci !');
    assert.equal((await put({ text: 'Merci', locale: 'de' })).statusCode, 400);
    assert.equal((await put({ text: '', locale: 'en' })).statusCode, 200);
    assert.equal(await signature(thread), '<p>Merci !</p>\n');
  });

  it('refuses a translation in the default language, and an empty one removes it', async () => {
    const refused = await server.app.inject(as('admin', { method: 'PATCH', url: '/api/admin/community', payload: { advisorSignatureTranslations: { fr: 'Merci' } } }));
    assert.equal(refused.statusCode, 400, refused.body);
    const cleared = await server.app.inject(as('admin', { method: 'PATCH', url: '/api/admin/community', payload: { advisorSignatureTranslations: { en: '  ' } } }));
    assert.deepEqual(cleared.json<{ advisorSignatureTranslations: unknown }>().advisorSignatureTranslations, {});
  });
});

describe('the community’s time zone', { timeout: 600_000 }, () => {
  const change = (timeZone: unknown) => server.app.inject(as('admin', { method: 'PATCH', url: '/api/admin/community', payload: { timeZone } }));

  it('is Europe/Paris by default and takes an IANA name', async () => {
    const read = await server.app.inject(as('admin', { url: '/api/admin/community' }));
    assert.equal(read.json<{ timeZone: string }>().timeZone, 'Europe/Paris');
    const saved = await change('America/Montreal');
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json<{ timeZone: string }>().timeZone, 'America/Montreal');
    assert.equal((await change('Europe/Paris')).statusCode, 200);
  });

  it('refuses what is not a zone name with a typed 400, and keeps the zone', async () => {
    for (const bad of ['Mars/Olympus', '+01:00', 'Europe/Paris\n', '', 42, 'x'.repeat(65)]) {
      const response = await change(bad);
      assert.equal(response.statusCode, 400, JSON.stringify(bad));
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'validation_failed');
    }
    assert.equal((await server.app.inject(as('admin', { url: '/api/admin/community' }))).json<{ timeZone: string }>().timeZone, 'Europe/Paris');
  });

  it('is for admins only', async () => {
    assert.equal((await server.app.inject(as('helper', { method: 'PATCH', url: '/api/admin/community', payload: { timeZone: 'UTC' } }))).statusCode, 403);
  });
});

/** POST /api/preview: a post body rendered as it would be stored, for members, writing nothing. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '../../../src/core/index.ts';
import { renderMarkdown } from '../../../src/domain/markdown.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let token: string;

before(async () => {
  server = await createTestServer();
  token = await server.tokenFor(server.fixtures.members.asker);
});
after(() => server.close());

function preview(payload: unknown, options: { signedIn?: boolean; headers?: Record<string, string> } = {}) {
  const auth: Record<string, string> = options.signedIn === false ? {} : { authorization: `Bearer ${token}` };
  return server.app.inject({ method: 'POST', url: '/api/preview', payload: payload as object, headers: { ...auth, ...options.headers } });
}

const rowCount = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('POST /api/preview', { timeout: 600_000 }, () => {
  it('renders markdown exactly as a stored post would be', async () => {
    const body = '  **Redémarrez** le téléphone.\nPuis voyez [la FAQ](https://example.com/faq).  ';

    const response = await preview({ body });

    assert.equal(response.statusCode, 200);
    const { html } = response.json<{ html: string }>();
    assert.equal(html, renderMarkdown(body.trim()));
    assert.match(html, /<strong>Redémarrez<\/strong>/);
    assert.match(html, /<a href="https:\/\/example.com\/faq" rel="nofollow ugc noopener noreferrer" target="_blank">la FAQ<\/a>/);
  });

  it('never lets raw HTML or event handlers through', async () => {
    const response = await preview({ body: 'Avant <img src=x onerror="alert(1)"> <script>alert(2)</script> après' });

    const { html } = response.json<{ html: string }>();
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(html, /<img|<script/i);
    assert.doesNotMatch(html, /<[^>]*\bon\w+=/i, 'an event handler attribute survived');
    assert.match(html, /&lt;img src=x onerror=/, 'shown as text instead');
  });

  it('drops javascript: links', async () => {
    const response = await preview({ body: '[cliquez](javascript:alert(1)) et <a href="javascript:alert(2)">là</a>' });

    const { html } = response.json<{ html: string }>();
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(html, /href="javascript:/i);
    assert.doesNotMatch(html, /<a /);
  });

  it('asks a guest to sign in (401)', async () => {
    const response = await preview({ body: 'Un texte.' }, { signedIn: false });

    assert.equal(response.statusCode, 401);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'unauthorized');
  });

  for (const [label, body] of [['empty', ''], ['only spaces', '   \n  '], ['too long', 'a'.repeat(LIMITS.bodyMax + 1)]] as const) {
    it(`refuses a body that is ${label} (400 validation_failed on /body)`, async () => {
      const response = await preview({ body });

      assert.equal(response.statusCode, 400);
      const { error } = response.json<{ error: { code: string; details: Array<{ path?: string; instancePath?: string }> } }>();
      assert.equal(error.code, 'validation_failed');
      assert.ok(JSON.stringify(error.details).includes('body'), JSON.stringify(error.details));
    });
  }

  it('refuses unknown fields like the post routes do', async () => {
    const response = await preview({ body: 'Un texte.', title: 'En trop' });

    assert.equal(response.statusCode, 400);
  });

  it('writes nothing: no post, no thread, no kept idempotent answer', async () => {
    const before = { posts: await rowCount('posts'), threads: await rowCount('threads'), keys: await rowCount('idempotency_keys') };

    const response = await preview({ body: 'Un aperçu de plus.' }, { headers: { 'idempotency-key': 'preview-key-0001' } });

    assert.equal(response.statusCode, 200);
    assert.deepEqual({ posts: await rowCount('posts'), threads: await rowCount('threads'), keys: await rowCount('idempotency_keys') }, before);
  });
});

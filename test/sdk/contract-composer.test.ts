/**
 * Contract suite, composer area: `client.posts.preview` answers the same on the mocks and on
 * the real server (rendered and safe HTML, members only, the post body's limits), and both
 * take a question sent with `needsAccount`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '../../src/core/index.ts';
import { EntraideError } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, type ContractTarget } from '../helpers/contract-targets.ts';

async function refusal(promise: Promise<unknown>): Promise<EntraideError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EntraideError) return error;
    throw error;
  }
  assert.fail('the call was expected to be refused');
}

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK contract (composer) against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    before(async () => {
      target = await makeTarget();
    });
    after(() => target.close());

    it('previews bold text and a link the way a post shows them', async () => {
      const { html } = await target.client('newcomer').posts.preview({ body: 'Composez **le 888**, voir [la FAQ](https://example.com/faq).' });

      assert.match(html, /<strong>le 888<\/strong>/);
      assert.match(html, /<a href="https:\/\/example.com\/faq" rel="nofollow ugc noopener noreferrer" target="_blank">la FAQ<\/a>/);
      assert.match(html, /^<p>/);
    });

    it('escapes raw HTML and drops javascript: links', async () => {
      const { html } = await target.client('member').posts.preview({ body: '<img src=x onerror="alert(1)"> [x](javascript:alert(2))' });

      assert.doesNotMatch(html, /<img|<script/i);
      assert.doesNotMatch(html, /<[^>]*\bon\w+=/i);
      assert.doesNotMatch(html, /href="javascript:/i);
      assert.match(html, /&lt;img/);
    });

    it('asks a guest to sign in', async () => {
      const error = await refusal(target.client().posts.preview({ body: 'Un aperçu.' }));

      assert.equal(error.status, 401);
      assert.equal(error.code, 'unauthorized');
    });

    it('refuses a blank or too long body', async () => {
      const member = target.client('member');

      const blank = await refusal(member.posts.preview({ body: '    ' }));
      const long = await refusal(member.posts.preview({ body: 'a'.repeat(LIMITS.bodyMax + 1) }));

      assert.deepEqual([blank.status, blank.code], [400, 'validation_failed']);
      assert.deepEqual([long.status, long.code], [400, 'validation_failed']);
    });

    it('accepts a new question that needs account access', async () => {
      const guest = target.client();
      const { categories } = await guest.community.get();

      const created = await target.client('newcomer').threads.create({ categoryId: categories[0]!.id, title: 'Double prélèvement', body: 'Deux prélèvements ce mois-ci.', needsAccount: true });

      assert.equal(created.thread.title, 'Double prélèvement');
      assert.equal(created.post.kind, 'question');
    });

    it('posts nothing', async () => {
      const guest = target.client();
      const { categories } = await guest.community.get();
      const counts = async () => (await guest.community.get()).categories.map((category) => category.postCount);
      const before = await counts();

      await target.client('member').posts.preview({ body: 'Seulement un aperçu.' });

      assert.ok(categories.length > 0);
      assert.deepEqual(await counts(), before);
    });
  });
}

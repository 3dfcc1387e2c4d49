/**
 * Where brands put their own content (issue 18): the forum's header and its sign-in prompt, the
 * lists' empty states, and the foot of a post. Each slot shows the brand's content in place of
 * (or beside) ours, and the element stays accessible.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideCategoryList } from '../../src/components/category-list/category-list.ts';
import '../../src/components/category-list/category-list.ts';
import type { EntraideForum } from '../../src/components/forum/forum.ts';
import '../../src/components/forum/forum.ts';
import type { EntraidePost } from '../../src/components/post/post.ts';
import '../../src/components/post/post.ts';
import type { Post } from '../../src/contract/models.ts';
import { expectAccessible, mockForum, mount, waitForDeep } from './helpers.ts';

/** The elements assigned to the slot `name` of `host`, once it is rendered. */
async function assigned(host: HTMLElement, name: string): Promise<Element[]> {
  const slot = await waitForDeep<HTMLSlotElement>(host, `slot[name="${name}"]`);
  return slot.assignedElements();
}

const shown = (element: Element | null) => Boolean(element && element.getBoundingClientRect().width > 0);

describe('brand slots', () => {
  it('the forum header takes the brand\'s links, and its own sign-in prompt replaces "Sign in"', async () => {
    await mockForum();
    const forum = await mount<EntraideForum>(html`
      <entraide-forum locale="en">
        <a slot="header" href="/help">Help home</a>
        <a slot="sign-in" href="/login">Log in with Volta</a>
      </entraide-forum>`);

    expect((await assigned(forum, 'header')).map((element) => element.textContent)).to.deep.equal(['Help home']);
    expect((await assigned(forum, 'sign-in')).map((element) => element.textContent)).to.deep.equal(['Log in with Volta']);
    expect(shown(forum.querySelector('[slot="sign-in"]'))).to.equal(true);
    // The default button is the slot's fallback: not drawn while the brand's prompt is there.
    expect(shown(forum.shadowRoot!.querySelector('[part="sign-in"]'))).to.equal(false);
    await expectAccessible(forum);
  });

  it('an empty list shows the brand\'s own empty state', async () => {
    const forum = await mockForum();
    await forum.db.query(`insert into communities (slug, name) values ('autre', 'Autre') returning id`).then(([row]) =>
      forum.db.query('update categories set community_id = $1', [(row as { id: number }).id]));

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list><p slot="empty">Our forum opens on Monday.</p></entraide-category-list>`, { locale: 'en' });

    expect((await assigned(list, 'empty')).map((element) => element.textContent)).to.deep.equal(['Our forum opens on Monday.']);
    expect(shown(list.querySelector('[slot="empty"]'))).to.equal(true);
    expect(shown(list.shadowRoot!.querySelector('[part="empty"]'))).to.equal(false);
  });

  it('the forum passes its own empty-state slot to the thread list, and keeps our text without it', async () => {
    const forum = await mockForum();
    await forum.db.query(`insert into categories (community_id, slug, name, description, position) select community_id, 'vide', '{"fr": "Vide", "en": "Empty"}', '{}', 99 from categories order by id limit 1`);
    // A new category without threads, by its clean path's hash route.
    location.hash = '#/c/vide';
    try {
      const withBrand = await mount<EntraideForum>(html`<entraide-forum locale="en"><p slot="threads-empty">Be the first to ask.</p></entraide-forum>`);
      const text = await waitForDeep<HTMLElement>(withBrand, '[part="empty"]');
      await waitUntil(() => text.hidden, 'our text should give way to the brand\'s');
      expect(shown(withBrand.querySelector('[slot="threads-empty"]'))).to.equal(true);
      expect(shown(text)).to.equal(false);
      withBrand.remove();

      const plain = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
      const plainText = await waitForDeep<HTMLElement>(plain, '[part="empty"]');
      expect(shown(plainText)).to.equal(true);
      expect(plainText.textContent).to.match(/\w/);
    } finally {
      location.hash = '';
    }
  });

  it('a post\'s footer takes the brand\'s content', async () => {
    const post: Post = {
      id: 6, threadId: 2, kind: 'reply', createdAt: '2026-11-23T19:31:00Z', editedAt: null, kudosCount: 0, bodyHtml: '<p>Restart.</p>',
      author: { id: 2, pseudonym: 'rosier', role: 'member', team: null, rank: { level: 11, name: 'Guide' }, postCount: 851, joinedAt: '2024-06-03T18:30:00Z' },
    };
    const element = await mount<EntraidePost>(html`<entraide-post .post=${post}><a slot="footer" href="/survey">Was this helpful?</a></entraide-post>`, { locale: 'en' });

    expect((await assigned(element, 'footer')).map((child) => child.textContent)).to.deep.equal(['Was this helpful?']);
    expect(shown(element.querySelector('[slot="footer"]'))).to.equal(true);
    await expectAccessible(element);
  });
});

/**
 * Languages past French load as chunks: an element waits for its language's strings, so a
 * reader never sees the words of another language, at first render or after a switch.
 * This file is its own page: English is not loaded when it starts.
 */
import { expect } from '@open-wc/testing';
import '../../src/components/post/post.ts';
import '../../src/components/rank-badge/rank-badge.ts';
import type { EntraideRankBadge } from '../../src/components/rank-badge/rank-badge.ts';
import { hasTranslation, loadTranslation, translationFor } from '../../src/components/translations/index.ts';
import type { Post } from '../../src/contract/models.ts';

/** An accepted reply: the post says so in the reader's language. */
const ACCEPTED: Post = {
  id: 1, threadId: 1, kind: 'reply', createdAt: '2026-11-23T19:31:00Z', editedAt: null, kudosCount: 0, bodyHtml: '<p>Hello?</p>',
  author: { id: 5, pseudonym: 'sam_uk', role: 'member', team: null, rank: { level: 2, name: 'Newcomer' }, postCount: 3, joinedAt: '2026-01-03T18:30:00Z' },
};

const textOf = (badge: EntraideRankBadge) => badge.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();

/** Everything the badge showed, from its first render on. */
function recordTexts(badge: EntraideRankBadge): string[] {
  const seen: string[] = [];
  new MutationObserver(() => seen.push(textOf(badge))).observe(badge.shadowRoot!, { childList: true, subtree: true, characterData: true });
  return seen;
}

function badgeIn(lang: string): { badge: EntraideRankBadge; host: HTMLElement } {
  const host = document.createElement('div');
  host.lang = lang;
  const badge = document.createElement('entraide-rank-badge');
  badge.level = 4;
  badge.name = 'Regular';
  host.append(badge);
  document.body.append(host);
  return { badge, host };
}

describe('translations', () => {
  afterEach(() => document.body.replaceChildren());

  it('ships French only; English elements render once its strings arrived, never in French first', async () => {
    const { badge: french, host } = badgeIn('fr');
    await french.updateComplete;
    expect(textOf(french)).to.equal('Niveau 4 Regular');
    expect(hasTranslation('en')).to.equal(false);

    const { badge: english, host: englishHost } = badgeIn('en');
    const englishTexts = recordTexts(english);
    // A post decides itself when to re-render; it still waits for its language.
    const post = document.createElement('entraide-post');
    post.post = ACCEPTED;
    post.accepted = true;
    englishHost.append(post);
    const switchedTexts = recordTexts(french);
    host.lang = 'en';
    // A change made while the strings load is kept, and rendered with them.
    french.level = 5;
    await english.updateComplete;
    await french.updateComplete;
    await post.updateComplete;

    expect(hasTranslation('en')).to.equal(true);
    expect(textOf(english)).to.equal('Level 4 Regular');
    expect(post.shadowRoot!.querySelector('[part="kind"]')!.textContent).to.equal('✓ Accepted solution');
    expect(englishTexts.filter((text) => text.includes('Niveau'))).to.deep.equal([]);
    expect(textOf(french)).to.equal('Level 5 Regular');
    expect(switchedTexts.filter((text) => text.includes('Niveau'))).to.deep.equal([]);
  });

  it('loads a language once, and gives its table afterwards', async () => {
    const first = loadTranslation('en');
    const second = loadTranslation('en');

    await first;

    expect(first).to.equal(second);
    expect(translationFor('en').signIn).to.equal('Sign in');
  });
});

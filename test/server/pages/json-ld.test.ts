/**
 * The rendered pages' structured data (src/server/pages/json-ld.ts), read back the way a
 * crawler does: the `<script type="application/ld+json">` text parsed as JSON, then checked
 * against Google's QAPage required and recommended properties.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Author, Post, ThreadDetail } from '../../../src/contract/index.ts';
import type { FaqArticle } from '../../../src/contract/areas/knowledge.ts';
import { acceptedAnswerOf, articleJsonLd, breadcrumbJsonLd, jsonLdScript, qaPageJsonLd, type JsonLd } from '../../../src/server/pages/json-ld.ts';

const CANONICAL = 'https://www.brand.fr/aide/communaute/t/7-ma-box-ne-synchronise-plus';

const author = (id: number, pseudonym: string, role: Author['role'] = 'member'): Author => ({
  id, pseudonym, role, team: role === 'member' ? null : 'technical', rank: { level: 3, name: 'Mercurien' }, postCount: 12, joinedAt: '2025-01-02T10:00:00.000Z',
});
const tom = author(1, 'Tom');
const pix = author(2, 'Pix37');
const rosier = author(3, 'rosier');
const julie = author(4, 'Julie', 'advisor');

let nextId = 100;
function post(kind: Post['kind'], who: Author, bodyHtml: string, extra: Partial<Post> = {}): Post {
  const id = nextId++;
  return { id, threadId: 7, kind, author: who, bodyHtml, createdAt: `2026-11-0${(id % 9) + 1}T08:00:00.000Z`, editedAt: null, kudosCount: id % 4, ...extra };
}

function detail(posts: Post[], extra: { acceptedPostId?: number | null; solution?: Post; nextCursor?: string | null; replyCount?: number; title?: string } = {}): ThreadDetail {
  return {
    thread: {
      id: 7, categoryId: 2, title: extra.title ?? 'Ma box ne synchronise plus', status: 'open', locale: 'fr', author: tom, excerpt: 'Ma box clignote',
      replyCount: extra.replyCount ?? posts.length - 1, sameProblemCount: 0, acceptedPostId: extra.acceptedPostId ?? null,
      createdAt: '2026-11-01T08:00:00.000Z', lastPostAt: '2026-11-05T08:00:00.000Z',
    },
    posts,
    nextCursor: extra.nextCursor ?? null,
    ...(extra.solution ? { solution: extra.solution } : {}),
  };
}

interface AnswerOut { '@type': string; text: string; datePublished: string; upvoteCount: number; url: string; author: { name: string } }
interface QuestionOut {
  '@type': string; name: string; text?: string; answerCount: number; upvoteCount: number; datePublished: string; dateModified?: string;
  author: { name: string }; acceptedAnswer?: AnswerOut; suggestedAnswer: AnswerOut[];
}
/** The properties the tests read, of every type they parse. */
interface LdOut {
  '@context': string; '@type': string; mainEntity: QuestionOut;
  headline: string; description?: string; inLanguage: string; datePublished: string; dateModified: string; author: object; mainEntityOfPage: { '@id': string };
  itemListElement: { position: number; name: string }[];
}

/** What a crawler reads: the script's text, parsed. */
function parsed(value: JsonLd): LdOut {
  const html = jsonLdScript(value);
  const match = /^<script type="application\/ld\+json">([^]*)<\/script>$/.exec(html);
  assert.ok(match, html);
  assert.ok(!match[1]!.includes('<'), 'no < inside the script');
  return JSON.parse(match[1]!) as LdOut;
}

/** Google's Answer: `text` required; `author.name`, `datePublished`, `upvoteCount`, absolute `url` to the post recommended. */
function assertAnswer(answer: AnswerOut | undefined, source: Post) {
  assert.ok(answer);
  assert.equal(answer['@type'], 'Answer');
  assert.equal(typeof answer.text, 'string');
  assert.ok(answer.text.length > 0);
  assert.equal(answer.author.name, source.author.pseudonym);
  assert.equal(answer.datePublished, source.createdAt);
  assert.equal(answer.upvoteCount, source.kudosCount);
  assert.equal(answer.url, `${CANONICAL}#post-${source.id}`);
  assert.ok(new URL(answer.url).protocol === 'https:', 'absolute url');
}

describe('QAPage JSON-LD', () => {
  const question = post('question', tom, '<p>Ma box <strong>clignote</strong> &amp; ne se synchronise plus depuis lundi.</p><p>Une idée&nbsp;?</p>', { kudosCount: 5, editedAt: '2026-11-01T09:00:00.000Z' });
  const trace = post('trace', julie, '<p>Pris en charge par message privé.</p>');
  const answer = post('reply', pix, '<p>Redémarrez la box : <code>reset &lt;30 s&gt;</code></p><ul><li>un</li><li>deux</li></ul>');
  const tombstone = post('reply', rosier, '', { deleted: { by: 'author', at: '2026-11-03T08:00:00.000Z' } });
  const other = post('reply', rosier, '<p>Chez moi, changer de câble a suffi.</p>');
  const confirmation = post('reply', julie, '<p>Bonjour à tous, je confirme ce que dit @Pix37.</p>', {
    confirmation: { cited: [{ postId: answer.id, author: { id: pix.id, pseudonym: pix.pseudonym } }], faqLinks: [], assistedBy: [] },
  });

  it('has every required and recommended property of the question and its answers', () => {
    const ld = parsed(qaPageJsonLd(detail([question, trace, answer, tombstone, other, confirmation], { acceptedPostId: other.id }), { canonicalUrl: CANONICAL }));
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'QAPage');
    const q = ld.mainEntity;
    assert.equal(q['@type'], 'Question');
    assert.equal(q.name, 'Ma box ne synchronise plus');
    assert.equal(q.text, 'Ma box clignote & ne se synchronise plus depuis lundi.\nUne idée ?', 'entities decoded, blocks on lines, spaces (no-break ones too) collapsed');
    assert.equal(q.answerCount, 3, 'the trace and the tombstone are no answers');
    assert.equal(q.upvoteCount, 5);
    assert.equal(q.datePublished, '2026-11-01T08:00:00.000Z');
    assert.equal(q.dateModified, '2026-11-01T09:00:00.000Z');
    assert.equal(q.author.name, 'Tom');
    assertAnswer(q.acceptedAnswer, other);
    assert.equal(q.suggestedAnswer.length, 2);
    assertAnswer(q.suggestedAnswer[0], answer);
    assertAnswer(q.suggestedAnswer[1], confirmation);
    assert.equal(q.suggestedAnswer[0]?.text, 'Redémarrez la box : reset <30 s>\nun\ndeux', 'tags gone, entities decoded, blocks on lines');
    const all = [q.acceptedAnswer!, ...q.suggestedAnswer];
    assert.ok(!all.some((a) => a.url.endsWith(`#post-${trace.id}`) || a.url.endsWith(`#post-${tombstone.id}`)));
  });

  it('takes the community answer an advisor confirmed when the asker accepted none', () => {
    const thread = detail([question, answer, other, confirmation]);
    assert.equal(acceptedAnswerOf(thread, thread.posts), answer);
    const q = parsed(qaPageJsonLd(thread, { canonicalUrl: CANONICAL })).mainEntity;
    assertAnswer(q.acceptedAnswer, answer);
    assert.deepEqual(q.suggestedAnswer.map((a) => a.url), [other, confirmation].map((p) => `${CANONICAL}#post-${p.id}`));
  });

  it('never takes a tombstone or a trace for the accepted answer, even when named so', () => {
    const deletedSolution = detail([question, tombstone, other], { acceptedPostId: tombstone.id });
    assert.equal(acceptedAnswerOf(deletedSolution, deletedSolution.posts), undefined);
    const q = parsed(qaPageJsonLd(deletedSolution, { canonicalUrl: CANONICAL })).mainEntity;
    assert.equal(q.acceptedAnswer, undefined);
    assert.equal(q.suggestedAnswer.length, 1);
    const citesTrace = post('reply', julie, '<p>Je confirme.</p>', { confirmation: { cited: [{ postId: trace.id, author: { id: julie.id, pseudonym: 'Julie' } }], faqLinks: [], assistedBy: [] } });
    const thread = detail([question, trace, citesTrace]);
    assert.equal(acceptedAnswerOf(thread, thread.posts), undefined);
  });

  it('uses the pinned solution of a later page, and the server count when pages follow', () => {
    const late = post('reply', pix, '<p>La solution, page 3.</p>', { kudosCount: 9 });
    const q = parsed(qaPageJsonLd(detail([question, other], { acceptedPostId: late.id, solution: late, nextCursor: 'cD0xMjM', replyCount: 140 }), { canonicalUrl: CANONICAL })).mainEntity;
    assertAnswer(q.acceptedAnswer, late);
    assert.equal(q.answerCount, 140);
  });

  it('has no answer property on an unanswered question, and answerCount 0', () => {
    const q = parsed(qaPageJsonLd(detail([question]), { canonicalUrl: CANONICAL })).mainEntity;
    assert.equal(q.answerCount, 0);
    assert.equal('acceptedAnswer' in q || 'suggestedAnswer' in q, false);
  });

  it('keeps a title that closes the script inside it, and reads it back unchanged', () => {
    const title = 'Ma box </script><script>alert(1)</script> <!-- \u2028 & "guillemets"';
    const html = jsonLdScript(qaPageJsonLd(detail([question], { title }), { canonicalUrl: CANONICAL }));
    assert.equal(html.match(/<\/script>/gi)?.length, 1, 'one closing tag: the script’s own');
    assert.ok(!html.includes('<!--') && !html.includes('\u2028'));
    assert.equal(parsed(qaPageJsonLd(detail([question], { title }), { canonicalUrl: CANONICAL })).mainEntity.name, title);
  });
});

describe('Article and BreadcrumbList JSON-LD', () => {
  const article: FaqArticle = {
    id: 3, slug: 'activer-la-sim', locale: 'fr', categoryId: null, title: 'Activer la carte SIM', summary: '',
    bodyMd: 'x', bodyHtml: '<p>Insérez la carte &amp; redémarrez.</p><p>Suite.</p>', createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-02T08:00:00.000Z',
  };

  it('describes an FAQ article as the brand’s Article', () => {
    const url = 'https://www.brand.fr/aide/communaute/faq/activer-la-sim';
    const ld = parsed(articleJsonLd(article, { canonicalUrl: url, communityName: 'Mercure' }));
    assert.equal(ld['@type'], 'Article');
    assert.equal(ld.headline, 'Activer la carte SIM');
    assert.equal(ld.description, 'Insérez la carte & redémarrez.', 'the first paragraph when there is no summary');
    assert.equal(ld.inLanguage, 'fr');
    assert.deepEqual([ld.datePublished, ld.dateModified], [article.createdAt, article.updatedAt]);
    assert.deepEqual(ld.author, { '@type': 'Organization', name: 'Mercure' });
    assert.equal(ld.mainEntityOfPage['@id'], url);
    assert.equal(parsed(articleJsonLd({ ...article, summary: 'Résumé' }, { canonicalUrl: url, communityName: 'Mercure' })).description, 'Résumé');
  });

  it('numbers breadcrumbs from 1', () => {
    const ld = parsed(breadcrumbJsonLd([{ name: 'Forum', url: 'https://b.fr/' }, { name: 'Réseau <5G>', url: 'https://b.fr/c/reseau' }]));
    assert.equal(ld['@type'], 'BreadcrumbList');
    assert.deepEqual(ld.itemListElement.map((item) => [item.position, item.name]), [[1, 'Forum'], [2, 'Réseau <5G>']]);
  });
});

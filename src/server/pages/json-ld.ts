/**
 * schema.org structured data of the rendered pages (issue 16, plan §4), pure: `QAPage` on a
 * thread's first page, `Article` on an FAQ article (Google shows FAQPage results only for
 * government and health sites), `BreadcrumbList` on threads and categories.
 *
 * Google's QAPage: Question requires `name`, `answerCount`, and `acceptedAnswer` or
 * `suggestedAnswer` (when there are answers); recommends `text`, `author`, `datePublished`,
 * `upvoteCount`. Answer requires `text`; recommends `author`, `datePublished`, `url`, `upvoteCount`.
 * `author.url` is left out until member profiles are rendered on the server.
 */
import type { Post, ThreadDetail } from '../../contract/index.ts';
import type { FaqArticle } from '../../contract/areas/knowledge.ts';
import { htmlToText } from './text.ts';

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

interface Person {
  '@type': 'Person';
  name: string;
}

export interface AnswerLd {
  '@type': 'Answer';
  text: string;
  datePublished: string;
  dateModified?: string;
  upvoteCount: number;
  url: string;
  author: Person;
}

const person = (post: Post): Person => ({ '@type': 'Person', name: post.author.pseudonym });

/** Only a community's or an advisor's reply with words in it answers: never a trace (a hand-off note), a tombstone or the question. */
function isAnswer(post: Post): boolean {
  return post.kind === 'reply' && !post.deleted && htmlToText(post.bodyHtml) !== '';
}

function answerLd(post: Post, canonicalUrl: string): AnswerLd {
  return {
    '@type': 'Answer',
    text: htmlToText(post.bodyHtml),
    datePublished: post.createdAt,
    ...(post.editedAt ? { dateModified: post.editedAt } : {}),
    upvoteCount: post.kudosCount,
    url: `${canonicalUrl}#post-${post.id}`,
    author: person(post),
  };
}

/**
 * The answer to show as accepted: the asker's solution, else the first community reply an
 * advisor confirmation credits (study §32–33: "I confirm what @Pix37 said"). Undefined when none is readable here.
 */
export function acceptedAnswerOf(detail: ThreadDetail, posts: readonly Post[]): Post | undefined {
  const known = new Map(posts.map((post) => [post.id, post]));
  if (detail.solution) known.set(detail.solution.id, detail.solution);
  const solution = detail.thread.acceptedPostId === null ? undefined : known.get(detail.thread.acceptedPostId);
  if (solution && isAnswer(solution)) return solution;
  for (const post of posts) {
    if (post.deleted || post.author.role === 'member') continue;
    for (const cited of post.confirmation?.cited ?? []) {
      const answer = known.get(cited.postId);
      if (answer && isAnswer(answer) && answer.author.role === 'member') return answer;
    }
  }
  return undefined;
}

export interface QaPageOptions {
  /** The thread's absolute canonical URL (`publicUrl` + `threadPath`): answers' `url` is it plus `#post-<id>`. */
  canonicalUrl: string;
  /** The posts the page shows (default: `detail.posts`). */
  posts?: readonly Post[];
}

/** The `QAPage` of a thread's first page (the one holding the question). */
export function qaPageJsonLd(detail: ThreadDetail, { canonicalUrl, posts = detail.posts }: QaPageOptions): JsonLd {
  const { thread } = detail;
  const question = posts.find((post) => post.kind === 'question');
  const accepted = acceptedAnswerOf(detail, posts);
  const suggested = posts.filter((post) => post !== accepted && isAnswer(post));
  const onPage = suggested.length + (accepted ? 1 : 0);
  // With more pages to come, the server's reply count is the better total.
  const answerCount = detail.nextCursor === null ? onPage : Math.max(onPage, thread.replyCount);
  const text = question ? htmlToText(question.bodyHtml) : thread.excerpt;
  return {
    '@context': CONTEXT,
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: thread.title,
      ...(text ? { text } : {}),
      answerCount,
      upvoteCount: question?.kudosCount ?? 0,
      datePublished: thread.createdAt,
      ...(question?.editedAt ? { dateModified: question.editedAt } : {}),
      author: { '@type': 'Person', name: thread.author.pseudonym },
      url: canonicalUrl,
      ...(accepted ? { acceptedAnswer: answerLd(accepted, canonicalUrl) } : {}),
      ...(suggested.length ? { suggestedAnswer: suggested.map((post) => answerLd(post, canonicalUrl)) } : {}),
    },
  };
}

export interface ArticleOptions {
  canonicalUrl: string;
  /** The community's name: the FAQ is the brand's, so author and publisher are its organisation. */
  communityName: string;
  /** The brand's site, when known. */
  communityUrl?: string;
}

/** An FAQ article as a schema.org `Article`. */
export function articleJsonLd(article: FaqArticle, { canonicalUrl, communityName, communityUrl }: ArticleOptions): JsonLd {
  const organization = { '@type': 'Organization', name: communityName, ...(communityUrl ? { url: communityUrl } : {}) };
  const description = article.summary.trim() || htmlToText(article.bodyHtml).split('\n')[0];
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    headline: article.title,
    ...(description ? { description } : {}),
    datePublished: article.createdAt,
    dateModified: article.updatedAt,
    inLanguage: article.locale,
    author: organization,
    publisher: organization,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonicalUrl },
    url: canonicalUrl,
  };
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

/** `BreadcrumbList`: forum → category (→ thread), positions from 1. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

/**
 * `<script type="application/ld+json">` holding `value`. JSON.stringify leaves `<` and the line
 * separators as they are: `<` would let a title such as `</script><script>…` close the element,
 * U+2028/2029 break older parsers. Escaped as `\u…`, they read back the same.
 */
export function jsonLdScript(value: JsonLd): string {
  return `<script type="application/ld+json">${scriptJson(value)}</script>`;
}

/** JSON that cannot close the `<script>` holding it (`jsonLdScript`, the page's seed island). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Mocks of the "knowledge" area (src/contract/areas/knowledge.ts): the FAQ base, its
 * suggestions while a question is typed, and forum search. Same checks, limits and error
 * codes as src/server/routes/areas/knowledge.ts and src/domain/services/knowledge.ts; the
 * ranking is simple word matching (./knowledge-search.ts) rather than PostgreSQL's.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { FaqArticle, FaqHit, FaqSuggestions, SearchHit } from '../../contract/areas/knowledge.ts';
import { isSignedIn, FAQ_SLUG_PATTERN, guardian, LIMITS, pickLocale, SEARCH_LIMITS, unfitLine, type Actor, type Locale } from '../../core/index.ts';
import { actorOf, localeParam, param, positiveInt, query, readBody, type MockContext } from '../http.ts';
import { renderBody } from '../render.ts';
import { MockApiError, type MockStore } from '../store.ts';
import { FAQ_FIXTURES, type FaqFixture } from './knowledge-fixtures.ts';
import { highlight, matchedGroups, matches, snippet, termGroups, type TermGroups } from './knowledge-search.ts';
import { decodeOffsetCursor, encodeOffsetCursor } from '../cursors.ts';

export interface ForumSearch {
  groups: TermGroups;
  mode: 'all' | 'any';
  categoryId?: number;
  solved?: boolean;
  authorId?: number;
  /** Suggestions compare a question with questions: titles and first posts only. */
  questionsOnly?: boolean;
  offset: number;
  limit: number;
}

type ArticleFields = Pick<FaqArticle, 'slug' | 'locale' | 'categoryId' | 'title' | 'summary' | 'bodyMd'>;

const invalid = (field: string, message: string, where = 'body') =>
  new MockApiError(400, 'validation_failed', `${field} ${message}.`, [{ in: where, path: `/${field}`, message }]);

/** The FAQ articles of the mocks, and the searches over them and over the store's threads. */
export class KnowledgeState {
  readonly #store: MockStore;
  readonly #articles: FaqArticle[];

  constructor(store: MockStore, fixtures: readonly FaqFixture[] = FAQ_FIXTURES) {
    this.#store = store;
    this.#articles = fixtures.map((f) => ({ ...f, bodyHtml: renderBody(f.bodyMd), updatedAt: f.createdAt }));
  }

  /** Ranked by matched words (title first), or listed by title when `groups` is null. */
  searchFaq(groups: TermGroups | null, filter: { locale?: Locale; categoryId?: number; limit: number }): FaqHit[] {
    const scoped = this.#articles.filter((a) => (filter.locale === undefined || a.locale === filter.locale) && (filter.categoryId === undefined || a.categoryId === filter.categoryId));
    if (groups === null) {
      return scoped.sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id).slice(0, filter.limit).map((a) => toHit(a, 0, a.title, a.summary));
    }
    return scoped
      .filter((a) => matches(`${a.title}\n${a.summary}\n${a.bodyMd}`, groups, 'all'))
      .map((a) => ({ article: a, score: articleScore(a, groups) }))
      .sort((x, y) => y.score - x.score || x.article.id - y.article.id)
      .slice(0, filter.limit)
      .map(({ article, score }) => toHit(article, score, highlight(article.title, groups), snippet(`${article.summary}\n${article.bodyMd}`, groups)));
  }

  /** Suggestions use any word; the articles and solved questions closest to it. */
  suggest(text: string, locale: Locale | undefined, categoryId: number | undefined): FaqSuggestions {
    const groups = termGroups(text);
    if (groups === null) return { articles: [], threads: [] };
    const limit = SEARCH_LIMITS.suggestHits;
    const articles = this.#articles
      .filter((a) => (locale === undefined || a.locale === locale) && (categoryId === undefined || a.categoryId === categoryId))
      .filter((a) => matches(`${a.title}\n${a.summary}\n${a.bodyMd}`, groups, 'any'))
      .map((a) => ({ article: a, score: articleScore(a, groups) }))
      .sort((x, y) => y.score - x.score || x.article.id - y.article.id)
      .slice(0, limit)
      .map(({ article, score }) => toHit(article, score, highlight(article.title, groups), snippet(`${article.summary}\n${article.bodyMd}`, groups)));
    const { hits } = this.searchForum({ groups, mode: 'any', categoryId, solved: true, questionsOnly: true, offset: 0, limit });
    return { articles, threads: hits };
  }

  /** The article in `locale` if it exists, else in the community language, else any. */
  article(slug: string, locale: Locale, fallback: Locale): FaqArticle {
    const rank = (a: FaqArticle) => (a.locale === locale ? 0 : a.locale === fallback ? 1 : 2);
    const found = this.#articles.filter((a) => a.slug === slug).sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0];
    if (!found) throw new MockApiError(404, 'not_found', `FAQ article ${slug} does not exist.`);
    return found;
  }

  create(actor: Actor, fields: ArticleFields): FaqArticle {
    requireWriter(actor);
    const checked = this.#check(fields);
    const now = this.#store.now().toISOString();
    const article = { ...checked, id: Math.max(0, ...this.#articles.map((a) => a.id)) + 1, bodyHtml: renderBody(checked.bodyMd), createdAt: now, updatedAt: now };
    this.#articles.push(article);
    return article;
  }

  update(actor: Actor, id: number, changes: Partial<ArticleFields>): FaqArticle {
    requireWriter(actor);
    const current = this.#articles.find((a) => a.id === id);
    if (!current) throw new MockApiError(404, 'not_found', `FAQ article ${id} does not exist.`);
    const checked = this.#check({ ...pickFields(current), ...changes }, id);
    Object.assign(current, checked, { bodyHtml: renderBody(checked.bodyMd), updatedAt: this.#store.now().toISOString() });
    return current;
  }

  /** One hit per thread: a title holding the words, or its best visible post that does; merged threads are gone. */
  searchForum(search: ForumSearch): { hits: SearchHit[]; more: boolean } {
    const ranked = this.#store.threadRecords()
      .filter((t) => t.mergedIntoId === undefined)
      .filter((t) => (search.categoryId === undefined || t.categoryId === search.categoryId) && (search.solved === undefined || (t.status === 'solved') === search.solved))
      .flatMap((t) => this.#threadHit(t.id, t.title, search))
      .sort((a, b) => b.score - a.score || b.thread.id - a.thread.id);
    return { hits: ranked.slice(search.offset, search.offset + search.limit), more: ranked.length > search.offset + search.limit };
  }

  #threadHit(threadId: number, title: string, search: ForumSearch): SearchHit[] {
    const posts = this.#store.postsOf(threadId);
    const titleMatch = matches(title, search.groups, search.mode) && (search.authorId === undefined || posts[0]?.authorId === search.authorId);
    const post = posts
      .filter((p) => !p.hidden && (!search.questionsOnly || p.kind === 'question') && (search.authorId === undefined || p.authorId === search.authorId))
      .filter((p) => matches(p.body, search.groups, search.mode))
      .map((p) => ({ post: p, score: matchedGroups(p.body, search.groups).size * 0.1 }))
      .sort((a, b) => b.score - a.score || a.post.id - b.post.id)[0];
    if (!titleMatch && !post) return [];
    const thread = this.#store.summary(threadId);
    const score = (titleMatch ? matchedGroups(title, search.groups).size : 0) + (post?.score ?? 0);
    const snippetHtml = snippet(post ? post.post.body : thread.excerpt, search.groups);
    return [{ thread, postId: post?.post.id ?? null, titleHtml: highlight(title, search.groups), snippetHtml, score }];
  }

  #check(fields: ArticleFields, exceptId?: number): ArticleFields {
    const checked = { ...fields, title: requireText(fields.title, 'title'), bodyMd: requireText(fields.bodyMd, 'bodyMd'), summary: fields.summary.trim() };
    if (checked.categoryId !== null) this.#store.category(checked.categoryId, checked.locale);
    if (this.#articles.some((a) => a.slug === checked.slug && a.locale === checked.locale && a.id !== exceptId)) {
      throw new MockApiError(409, 'conflict', `An article "${checked.slug}" already exists in ${checked.locale}.`);
    }
    return checked;
  }
}

function toHit(article: FaqArticle, score: number, titleHtml: string, snippetHtml: string): FaqHit {
  const { id, slug, locale, categoryId, title, summary } = article;
  return { id, slug, locale, categoryId, title, summary, titleHtml, snippetHtml, score };
}

/** Title words weigh most, then the summary, then the body (the server's A, B, C weights). */
function articleScore(article: FaqArticle, groups: TermGroups): number {
  return matchedGroups(article.title, groups).size + matchedGroups(article.summary, groups).size * 0.4 + matchedGroups(article.bodyMd, groups).size * 0.2;
}

function pickFields(article: FaqArticle): ArticleFields {
  const { slug, locale, categoryId, title, summary, bodyMd } = article;
  return { slug, locale, categoryId, title, summary, bodyMd };
}

function requireWriter(actor: Actor): void {
  if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to write the FAQ.');
  if (!guardian(actor).knowledge.canWriteFaq()) throw new MockApiError(403, 'forbidden', 'Only advisors and moderators write FAQ articles.');
}

function requireText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw invalid(field, 'may not be blank');
  return text;
}

// Request checks, the way the contract's schemas check them.

function checkSlug(slug: string, where: string): string {
  if (slug.length < 2 || slug.length > LIMITS.slugMax || !new RegExp(FAQ_SLUG_PATTERN).test(slug)) throw invalid('slug', 'must be lower-case words joined by hyphens', where);
  return slug;
}

function checkLength(value: string, field: string, min: number, max: number): string {
  if (value.length < min) throw invalid(field, `must be at least ${min} characters long`);
  if (value.length > max) throw invalid(field, `must be at most ${max} characters long`);
  return value;
}

/** The server's rule for titles: no control characters (core unfitLine). */
function oneLine(value: string, field: string): string {
  const problem = unfitLine(value);
  if (problem) throw invalid(field, problem);
  return value;
}

function checkLimit(value: string | null): number {
  const limit = positiveInt(value, 'limit', SEARCH_LIMITS.hitsDefault);
  if (limit > SEARCH_LIMITS.hitsMax) throw invalid('limit', `must be at most ${SEARCH_LIMITS.hitsMax}`, 'querystring');
  return limit;
}

const ARTICLE_FIELDS = { slug: 'string', locale: 'string', categoryId: 'number', title: 'string', summary: 'string', bodyMd: 'string' } as const;

/** A new article or changes to one; `categoryId: null` (no category) is the one value readBody's types do not cover. */
async function readArticle(request: Request, required: string[]): Promise<Partial<ArticleFields>> {
  const text = await request.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const nullCategory = !!raw && typeof raw === 'object' && (raw as Record<string, unknown>).categoryId === null;
  if (nullCategory) delete (raw as Record<string, unknown>).categoryId;
  const body = await readBody(new Request(request.url, { method: 'POST', body: nullCategory ? JSON.stringify(raw) : text }), ARTICLE_FIELDS, required);
  if (Object.keys(body).length === 0 && !nullCategory) throw new MockApiError(400, 'validation_failed', 'The body must change at least one field.');
  const fields: Partial<ArticleFields> = {};
  if (typeof body.slug === 'string') fields.slug = checkSlug(body.slug, 'body');
  if (typeof body.locale === 'string') fields.locale = localeParam(body.locale);
  if (nullCategory) fields.categoryId = null;
  else if (body.categoryId !== undefined) fields.categoryId = bodyId(body.categoryId, 'categoryId');
  if (typeof body.title === 'string') fields.title = checkLength(oneLine(body.title, 'title'), 'title', LIMITS.titleMin, LIMITS.titleMax);
  if (typeof body.summary === 'string') fields.summary = checkLength(body.summary, 'summary', 0, 500);
  if (typeof body.bodyMd === 'string') fields.bodyMd = checkLength(body.bodyMd, 'bodyMd', LIMITS.bodyMin, LIMITS.bodyMax);
  return fields;
}

function searchText(value: string | null, field: string, required: boolean): string | null {
  if (value === null && required) throw invalid(field, 'is required', 'querystring');
  if (value !== null && value.length > SEARCH_LIMITS.queryMax) throw invalid(field, `must be at most ${SEARCH_LIMITS.queryMax} characters long`, 'querystring');
  if (value !== null && required && value.length === 0) throw invalid(field, 'must be at least 1 character long', 'querystring');
  return value;
}

function wordsOf(text: string, field: string): TermGroups {
  const groups = termGroups(text);
  if (groups === null) throw new MockApiError(400, 'validation_failed', `${field} needs at least one word of two letters or digits.`, [{ in: 'querystring', path: `/${field}`, message: 'no searchable word' }]);
  return groups;
}

function booleanParam(value: string | null, field: string): boolean | undefined {
  if (value === null) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalid(field, 'must be a boolean', 'querystring');
}

/** readBody has already checked the type: only integers of at least 1 remain to check. */
function bodyId(value: unknown, field: string): number {
  return positiveInt(typeof value === 'number' ? String(value) : '', field);
}

function optionalId(value: string | null, field: string): number | undefined {
  return value === null ? undefined : positiveInt(value, field);
}

export function knowledgeHandlers({ store, route }: MockContext, state = new KnowledgeState(store)): HttpHandler[] {
  const fallback = () => store.community().locale;
  return [
    route('suggestFaq', async ({ request }) => {
      const body = await readBody(request, { text: 'string', locale: 'string', categoryId: 'number' }, ['text']);
      const text = checkLength(String(body.text), 'text', 1, SEARCH_LIMITS.suggestMax);
      const locale = localeParam(typeof body.locale === 'string' ? body.locale : null);
      const categoryId = body.categoryId === undefined ? undefined : bodyId(body.categoryId, 'categoryId');
      return HttpResponse.json(state.suggest(text, locale, categoryId));
    }),
    route('searchFaq', ({ request }) => {
      const q = query(request);
      const text = searchText(q.get('q'), 'q', false);
      const groups = text === null || text.trim() === '' ? null : wordsOf(text, 'q');
      const filter = { locale: localeParam(q.get('locale')), categoryId: optionalId(q.get('categoryId'), 'categoryId'), limit: checkLimit(q.get('limit')) };
      return HttpResponse.json({ items: state.searchFaq(groups, filter) });
    }),
    route('getFaqArticle', ({ request, params }) => {
      const slug = checkSlug(param(params.slug) ?? '', 'params');
      const locale = localeParam(query(request).get('locale')) ?? pickLocale(request.headers.get('accept-language'), fallback());
      return HttpResponse.json(state.article(slug, locale, fallback()));
    }),
    route('createFaqArticle', async ({ request }) => {
      const fields = await readArticle(request, ['slug', 'locale', 'title', 'bodyMd']);
      const input = { categoryId: null, summary: '', ...fields } as ArticleFields;
      return HttpResponse.json(state.create(actorOf(store, request), input), { status: 201 });
    }),
    route('updateFaqArticle', async ({ request, params }) => {
      const id = positiveInt(param(params.articleId), 'articleId');
      const changes = await readArticle(request, []);
      return HttpResponse.json(state.update(actorOf(store, request), id, changes));
    }),
    route('searchForum', ({ request }) => {
      const q = query(request);
      const groups = wordsOf(searchText(q.get('q'), 'q', true) ?? '', 'q');
      const cursor = q.get('cursor');
      const limit = checkLimit(q.get('limit'));
      const offset = cursor === null ? 0 : decodeOffsetCursor(cursor);
      const filter = { categoryId: optionalId(q.get('categoryId'), 'categoryId'), solved: booleanParam(q.get('solved'), 'solved'), authorId: optionalId(q.get('authorId'), 'authorId') };
      const { hits, more } = state.searchForum({ groups, mode: 'all', ...filter, offset, limit });
      return HttpResponse.json({ items: hits, nextCursor: more ? encodeOffsetCursor(offset + limit) : null });
    }),
  ];
}

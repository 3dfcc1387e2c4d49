/**
 * The forum's routes and the two ways of keeping them in the URL. Hash routing needs nothing
 * from the host page's server; History routing (`base-path`) gives clean URLs when the page's
 * server answers every path under the base with the same page.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { categoryPath, threadPath, withLanguage, type Locale } from '../../core/index.ts';

export type Route =
  | { name: 'categories' }
  /**
   * `/c/<slug>` when the slug is known (a clean, indexable path); `categoryId` 0 until the community
   * names it. `cursor`: a later page of the list (`?cursor=…`), as server-rendered pages give them.
   */
  | { name: 'category'; categoryId: number; slug?: string; cursor?: string | null }
  | { name: 'new-thread'; categoryId: number }
  /**
   * `/t/<id>-<slug of title>`; `postId`: a permalink to one post (`#post-<id>`); `page`: the
   * thread's page as server-rendered pages number them (`?page=2`, readable with JavaScript off).
   */
  | { name: 'thread'; threadId: number; title?: string; postId?: number; page?: number }
  /** Forum and FAQ search: `/search?q=…` (Back and shared links keep the words; `/search/<q>` links still open). */
  | { name: 'search'; query: string }
  /** The advisors' workspace (queue, incidents, team). */
  | { name: 'agent' }
  /** The community's administration (admins). */
  | { name: 'admin' }
  /** The signed-in member's private messages; one conversation when `conversationId` is set. */
  | { name: 'inbox'; conversationId?: number }
  /** A member's public profile. */
  | { name: 'member'; memberId: number }
  /** One FAQ article's page (`slug` as the FAQ has it). */
  | { name: 'faq'; slug: string }
  /** The signed-in member's own preferences (following, e-mail, language). */
  | { name: 'preferences' }
  | { name: 'not-found'; path: string };

/** What elements need to write a link; the forum provides the one matching its routing mode. */
export interface Links {
  href(route: Route): string;
}

export interface Router extends Links, ReactiveController {
  readonly route: Route;
  go(route: Route, options?: { replace?: boolean }): void;
}

/** Paths of one fixed form: `/agent`, `/admin`, `/preferences`, `/inbox`. */
const FIXED: Record<string, Route> = { '/': { name: 'categories' }, '/agent': { name: 'agent' }, '/admin': { name: 'admin' }, '/inbox': { name: 'inbox' }, '/preferences': { name: 'preferences' } };

/** Paths with one positive id (the FAQ's slug aside); their trailing slash is optional. */
const PATTERNS: Array<[RegExp, (id: number) => Route]> = [
  [/^\/categories\/(\d+)$/, (categoryId) => ({ name: 'category', categoryId })],
  [/^\/categories\/(\d+)\/new$/, (categoryId) => ({ name: 'new-thread', categoryId })],
  [/^\/members\/(\d+)$/, (memberId) => ({ name: 'member', memberId })],
  [/^\/inbox\/(\d+)$/, (conversationId) => ({ name: 'inbox', conversationId })],
];

/** `/faq/activer-ma-carte-sim`: a slug's characters (core's FAQ_SLUG_PATTERN is stricter: the API answers an unknown slug with the page's 404). */
const FAQ = /^\/faq\/([a-z0-9-]+)$/;

/** `/t/3-ma-box`, `/t/3?page=2`, `/t/3#post-12`; older links `/threads/3` still open. */
const THREAD = /^\/(?:t\/(\d+)(?:-[a-z0-9-]*)?|threads\/(\d+))\/?(?:\?([^#]*))?(?:#post-(\d+))?$/;

/** `/c/reseau-5g`: a category by its slug. */
const CATEGORY = /^\/c\/([a-z0-9-]+)$/;

/** `/search/<q>` (older links) or `/search?q=<q>`. */
const SEARCH = /^\/search(?:\/([^/?#]*))?\/?(?:\?([^#]*))?$/;

function parseSearch(match: RegExpExecArray): Route | undefined {
  const fromQuery = match[2] === undefined ? null : new URLSearchParams(match[2]).get('q');
  try {
    return { name: 'search', query: fromQuery ?? decodeURIComponent(match[1] ?? '') };
  } catch {
    return undefined;
  }
}

const positive = (text: string | undefined) => {
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

function parseThread(match: RegExpExecArray): Route | undefined {
  const threadId = positive(match[1] ?? match[2]);
  if (!threadId) return undefined;
  const route: Route = { name: 'thread', threadId };
  const page = positive(new URLSearchParams(match[3] ?? '').get('page') ?? undefined);
  if (page > 1) route.page = page;
  const postId = positive(match[4]);
  if (postId) route.postId = postId;
  return route;
}

export function parseRoute(path: string): Route {
  const thread = THREAD.exec(path);
  const threadRoute = thread && parseThread(thread);
  if (threadRoute) return threadRoute;
  const search = SEARCH.exec(path);
  const searched = search && parseSearch(search);
  if (searched) return searched;
  const pathname = path.replace(/\?.*$/, '');
  const bare = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const fixed = FIXED[bare || '/'];
  if (fixed) return fixed;
  const faq = FAQ.exec(bare)?.[1];
  if (faq) return { name: 'faq', slug: faq };
  const category = CATEGORY.exec(bare)?.[1];
  // A list's later pages (`/c/reseau?cursor=…`, for readers without JavaScript): the same view, from that page.
  if (category) return { name: 'category', categoryId: 0, slug: category, cursor: /[?&]cursor=([\w-]+)/.exec(path)?.[1] };
  for (const [pattern, build] of PATTERNS) {
    const id = positive(pattern.exec(bare)?.[1]);
    if (id) return build(id);
  }
  return { name: 'not-found', path };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'categories': return '/';
    case 'category': return route.slug ? categoryPath(route.slug) + (route.cursor ? `?cursor=${route.cursor}` : '') : `/categories/${route.categoryId}`;
    case 'new-thread': return `/categories/${route.categoryId}/new`;
    case 'thread': return `${threadPath(route.threadId, route.title ?? '')}${route.page && route.page > 1 ? `?page=${route.page}` : ''}${route.postId ? `#post-${route.postId}` : ''}`;
    case 'inbox': return route.conversationId ? `/inbox/${route.conversationId}` : '/inbox';
    case 'search': return route.query ? `/search?q=${encodeURIComponent(route.query)}` : '/search';
    case 'member': return `/members/${route.memberId}`;
    case 'faq': return `/faq/${route.slug}`;
    case 'not-found': return route.path;
    default: return `/${route.name}`;
  }
}

export const hashLinks: Links = { href: (route) => `#${routePath(route)}` };

/**
 * The route kept in the URL: after the hash (`#/threads/3`: back/forward and reload work with no
 * server support), or, under a base path, in the path itself (`/help/forum/threads/3`, with
 * pushState, popstate and our own links' clicks kept in the page).
 */
class UrlRouter implements Router {
  route: Route = { name: 'categories' };
  #path: string | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  /** `undefined`: hash routing. */
  readonly #base: string | undefined;
  readonly #onChange: () => void;
  readonly #language: (() => Locale | undefined) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, basePath: string | undefined, onChange: () => void, serverPath?: string, language?: () => Locale | undefined) {
    this.#host = host;
    this.#base = basePath?.replace(/\/+$/, '');
    this.#onChange = onChange;
    this.#language = language;
    this.route = isServer ? parseRoute(serverPath ?? '/') : this.#parse(this.#current());
  }

  href(route: Route): string {
    return this.#base === undefined ? hashLinks.href(route) : `${this.#base}${withLanguage(routePath(route), this.#language?.())}`;
  }

  go(route: Route, { replace = false } = {}): void {
    const url = this.href(route);
    if (this.#base === undefined) return replace ? location.replace(url) : void (location.hash = routePath(route));
    history[replace ? 'replaceState' : 'pushState'](null, '', url);
    this.#read();
  }

  hostConnected(): void {
    if (isServer) return;
    window.addEventListener(this.#base === undefined ? 'hashchange' : 'popstate', this.#read);
    if (this.#base !== undefined) this.#host.addEventListener('click', this.#onClick);
    this.#read();
  }

  hostDisconnected(): void {
    if (isServer) return;
    window.removeEventListener(this.#base === undefined ? 'hashchange' : 'popstate', this.#read);
    this.#host.removeEventListener('click', this.#onClick);
    this.#path = undefined;
  }

  /** The hash's path, or the pathname with its `?q=` on a search. */
  #current(): string {
    return this.#base === undefined ? location.hash.slice(1) : location.pathname + location.search;
  }

  #parse(path: string): Route {
    const base = this.#base;
    if (base === undefined) return parseRoute(path);
    const pathname = path.replace(/\?.*$/, '');
    if (pathname !== base && !pathname.startsWith(`${base}/`)) return { name: 'not-found', path: pathname };
    // The fragment of a permalink (`#post-12`) is not part of the path: read it alongside.
    const fragment = /^#post-\d+$/.test(location.hash) ? location.hash : '';
    const route = parseRoute(path.slice(base.length) + fragment);
    return route.name === 'not-found' && fragment ? parseRoute(path.slice(base.length)) : route;
  }

  readonly #read = (): void => {
    const path = this.#current();
    // A hashchange can repeat what was already read (set before the forum connected).
    if (path === this.#path) return;
    this.#path = path;
    this.route = this.#parse(path);
    this.#host.requestUpdate();
    this.#onChange();
  };

  /** Plain left clicks on our own links stay in the page; everything else is the browser's. */
  readonly #onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || this.#parse(url.pathname + url.search).name === 'not-found') return;
    event.preventDefault();
    history.pushState(null, '', url.pathname + url.search);
    this.#read();
  };
}

/**
 * The router for a base path (History API) or none (hash); the caller adds it as a controller.
 * On the server, `serverPath` (the request's path under the base) is the route. `language`: the
 * page language every clean path keeps (`?lang=en`, as rendered pages read it), or none.
 */
export function createRouter(host: ReactiveControllerHost & HTMLElement, options: { basePath?: string; onChange: () => void; serverPath?: string; language?: () => Locale | undefined }): Router {
  return new UrlRouter(host, options.basePath || undefined, options.onChange, options.serverPath, options.language);
}

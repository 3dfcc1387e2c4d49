/**
 * The forum's routes and the two ways of keeping them in the URL. Hash routing needs nothing
 * from the host page's server; History routing (`base-path`) gives clean URLs when the page's
 * server answers every path under the base with the same page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Route =
  | { name: 'categories' }
  | { name: 'category'; categoryId: number }
  | { name: 'new-thread'; categoryId: number }
  /** `postId`: a permalink to one post (`#post-<id>` after the thread's path). */
  | { name: 'thread'; threadId: number; postId?: number }
  /** Forum and FAQ search; the words live in the path so both routing modes keep them. */
  | { name: 'search'; query: string }
  /** The advisors' workspace (queue, incidents, team). */
  | { name: 'agent' }
  /** The community's administration (admins). */
  | { name: 'admin' }
  /** The signed-in member's private conversations, or one of them (issue 15). */
  | { name: 'inbox'; conversationId?: number }
  | { name: 'not-found'; path: string };

/** What elements need to write a link; the forum provides the one matching its routing mode. */
export interface Links {
  href(route: Route): string;
}

export interface Router extends Links, ReactiveController {
  readonly route: Route;
  go(route: Route, options?: { replace?: boolean }): void;
}

const PATTERNS: Array<[RegExp, (id: number) => Route]> = [
  [/^\/categories\/(\d+)\/?$/, (categoryId) => ({ name: 'category', categoryId })],
  [/^\/categories\/(\d+)\/new\/?$/, (categoryId) => ({ name: 'new-thread', categoryId })],
  [/^\/inbox\/(\d+)\/?$/, (conversationId) => ({ name: 'inbox', conversationId })],
];

/** `/threads/3`, or `/threads/3#post-12` for a permalink. */
const THREAD = /^\/threads\/(\d+)\/?(?:#post-(\d+))?$/;

function parseThread(path: string): Route | undefined {
  const match = THREAD.exec(path);
  const threadId = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(threadId) || threadId < 1) return undefined;
  const postId = Number(match[2]);
  return match[2] && Number.isSafeInteger(postId) ? { name: 'thread', threadId, postId } : { name: 'thread', threadId };
}

const SEARCH = /^\/search(?:\/([^/]*))?\/?$/;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function parseRoute(path: string): Route {
  if (path === '' || path === '/') return { name: 'categories' };
  if (path === '/agent' || path === '/agent/') return { name: 'agent' };
  if (path === '/admin' || path === '/admin/') return { name: 'admin' };
  if (path === '/inbox') return { name: 'inbox' };
  const thread = parseThread(path);
  if (thread) return thread;
  const search = SEARCH.exec(path);
  const query = search && decode(search[1] ?? '');
  if (query !== undefined && query !== null) return { name: 'search', query };
  for (const [pattern, build] of PATTERNS) {
    const id = Number(pattern.exec(path)?.[1]);
    if (Number.isSafeInteger(id) && id > 0) return build(id);
  }
  return { name: 'not-found', path };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'categories': return '/';
    case 'category': return `/categories/${route.categoryId}`;
    case 'new-thread': return `/categories/${route.categoryId}/new`;
    case 'thread': return `/threads/${route.threadId}${route.postId ? `#post-${route.postId}` : ''}`;
    case 'agent': return '/agent';
    case 'admin': return '/admin';
    case 'inbox': return route.conversationId ? `/inbox/${route.conversationId}` : '/inbox';
    case 'search': return route.query ? `/search/${encodeURIComponent(route.query)}` : '/search';
    case 'not-found': return route.path;
  }
}

export const hashLinks: Links = { href: (route) => `#${routePath(route)}` };

/** `#/threads/3`: back/forward and reload work with no server support. */
export class HashRouter implements Router {
  #route: Route = parseRoute(location.hash.slice(1));
  #path: string | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #onChange: () => void;

  constructor(host: ReactiveControllerHost, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
  }

  get route(): Route { return this.#route; }
  href(route: Route): string { return hashLinks.href(route); }

  go(route: Route, { replace = false } = {}): void {
    if (replace) location.replace(this.href(route));
    else location.hash = routePath(route);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#read);
    this.#read();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#read);
    this.#path = undefined;
  }

  readonly #read = (): void => {
    const path = location.hash.slice(1);
    // A hashchange can repeat what was already read (set before the forum connected).
    if (path === this.#path) return;
    this.#path = path;
    this.#route = parseRoute(path);
    this.#host.requestUpdate();
    this.#onChange();
  };
}

/** `/help/forum/threads/3` under `base-path="/help/forum"`, with pushState and popstate. */
export class HistoryRouter implements Router {
  #route: Route;
  #path: string | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #base: string;
  readonly #onChange: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, basePath: string, onChange: () => void) {
    this.#host = host;
    this.#base = basePath.replace(/\/+$/, '');
    this.#onChange = onChange;
    this.#route = this.#parse(location.pathname);
  }

  get route(): Route { return this.#route; }
  href(route: Route): string { return `${this.#base}${routePath(route)}`; }

  go(route: Route, { replace = false } = {}): void {
    const url = this.href(route);
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#read();
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#read);
    this.#host.addEventListener('click', this.#onClick);
    this.#read();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#read);
    this.#host.removeEventListener('click', this.#onClick);
    this.#path = undefined;
  }

  #parse(pathname: string): Route {
    if (pathname !== this.#base && !pathname.startsWith(`${this.#base}/`)) return { name: 'not-found', path: pathname };
    // The fragment of a permalink (`#post-12`) is not part of the path: read it alongside.
    const fragment = /^#post-\d+$/.test(location.hash) ? location.hash : '';
    const route = parseRoute(pathname.slice(this.#base.length) + fragment);
    return route.name === 'not-found' && fragment ? parseRoute(pathname.slice(this.#base.length)) : route;
  }

  readonly #read = (): void => {
    if (location.pathname === this.#path) return;
    this.#path = location.pathname;
    this.#route = this.#parse(location.pathname);
    this.#host.requestUpdate();
    this.#onChange();
  };

  /** Plain left clicks on our own links stay in the page; everything else is the browser's. */
  readonly #onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || this.#parse(url.pathname).name === 'not-found') return;
    event.preventDefault();
    history.pushState(null, '', url.pathname);
    this.#read();
  };
}

/** The router for a base path (History API) or none (hash); the caller adds it as a controller. */
export function createRouter(host: ReactiveControllerHost & HTMLElement, options: { basePath?: string; onChange: () => void }): Router {
  return options.basePath ? new HistoryRouter(host, options.basePath, options.onChange) : new HashRouter(host, options.onChange);
}

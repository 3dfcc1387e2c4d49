/**
 * What a reader may read past the first page: the incident banners, FAQ articles and search.
 * Their chunks (banner, search, FAQ cards) add them onto a reader client in place, so the read
 * path's entry goes without them; `createEntraideClient` always has them (see ./staff.ts).
 */
import type { Http } from './http.ts';
import { HTTP, type ReaderClient } from './reader.ts';
import { incidentsResource } from './resources/incidents.ts';
import { faqResource, searchResource } from './resources/knowledge.ts';

function readingResources(http: Http) {
  return { incidents: incidentsResource(http), faq: faqResource(http), search: searchResource(http) };
}

export type ReadingResources = ReturnType<typeof readingResources>;

/** Adds `extra`'s namespaces onto `client`, merged into those it has (installers come in any order); a function is set as is. */
export function mergeResources(client: object, extra: Record<string, object>): void {
  const target = client as Record<string, object | undefined>;
  for (const [name, resource] of Object.entries(extra)) target[name] = typeof resource === 'function' ? resource : Object.assign(target[name] ?? {}, resource);
}

const installed = new WeakSet<object>();

/** Adds the reading resources to `client` (once) and returns it. */
export function installReadingResources<C extends ReaderClient>(client: C): C & ReadingResources {
  if (!installed.has(client)) {
    installed.add(client);
    mergeResources(client, readingResources((client as unknown as Record<symbol, Http>)[HTTP]!));
  }
  return client as C & ReadingResources;
}

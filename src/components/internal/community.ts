/**
 * The community (name and categories) is needed by the header, the category list and every
 * thread list heading. One request serves them all for a short while; a failed request is
 * forgotten at once so that "Retry" really asks again.
 */
import type { Community } from '../../sdk/types.ts';
import type { Locale } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';

const FRESH_MS = 30_000;

interface Entry {
  at: number;
  promise: Promise<Community>;
}

const cache = new WeakMap<EntraideClient, Map<Locale, Entry>>();

export function loadCommunity(client: EntraideClient, locale: Locale, signal?: AbortSignal): Promise<Community> {
  let byLocale = cache.get(client);
  if (!byLocale) cache.set(client, (byLocale = new Map<Locale, Entry>()));
  const entry = byLocale.get(locale);
  if (entry && Date.now() - entry.at < FRESH_MS) return abortable(entry.promise, signal);
  // The shared request is not given the caller's signal: another element may still need it.
  const promise = client.community.get({ locale });
  byLocale.set(locale, { at: Date.now(), promise });
  promise.catch(() => {
    if (byLocale.get(locale)?.promise === promise) byLocale.delete(locale);
  });
  return abortable(promise, signal);
}

/** A community the page already has (a server-rendered page's seed): the elements reading it send no request. */
export function primeCommunity(client: EntraideClient, locale: Locale, community: Community): void {
  let byLocale = cache.get(client);
  if (!byLocale) cache.set(client, (byLocale = new Map<Locale, Entry>()));
  byLocale.set(locale, { at: Date.now(), promise: Promise.resolve(community) });
}

/** After a write, counts and last-activity dates have changed. */
export function forgetCommunity(client: EntraideClient): void {
  cache.delete(client);
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

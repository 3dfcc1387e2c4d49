/**
 * Rendered pages kept in memory, each with the tags of what it shows (`thread:<id>`,
 * `community`, `faq`): a live event drops the pages it changes at once, in every process (the
 * live hub hears every process's events), and a time limit drops what no event reports (an FAQ
 * edit, a renamed category). One render per page however many readers ask at the same time.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import { BROTLI_OPTIONS } from '../compress.ts';
import type { Locale } from '../../core/index.ts';
import type { LiveEvent } from '../../contract/index.ts';

export interface CachedPage {
  status: 200 | 404 | 410;
  html: string;
  /** A weak ETag from the content: an identical re-render keeps it. */
  etag: string;
  locale: Locale;
}

export type Cached = CachedPage | { redirect: string };

/** The encodings a rendered page is kept in, the one the reader's browser prefers first. */
export type PageEncoding = 'br' | 'gzip';

const encoders: Record<PageEncoding, (html: string) => Promise<Buffer>> = {
  br: (html) => promisify(brotliCompress)(html, BROTLI_OPTIONS),
  gzip: (html) => promisify(gzip)(html),
};

/** Brotli when the browser takes it, else gzip, else none (`accept-encoding`, a `q=0` refusing one). */
export function pageEncoding(accept: string | undefined): PageEncoding | undefined {
  const offered = new Set((accept ?? '').split(',').map((part) => part.trim().toLowerCase()).filter((part) => !/;\s*q=0(?:\.0*)?$/.test(part)).map((part) => part.split(';')[0]));
  return offered.has('br') ? 'br' : offered.has('gzip') ? 'gzip' : undefined;
}

/**
 * A page's bytes in `encoding`, compressed once per page and kept with it: a 50-post page is
 * nearly 1 MB of HTML (each shadow root repeats its styles), and compressing it again on every
 * answer, not rendering, was what held the page at a fifth of the JSON route's rate.
 */
const encoded = new WeakMap<CachedPage, Map<PageEncoding, Promise<Buffer>>>();

export function encodedPage(page: CachedPage, encoding: PageEncoding): Promise<Buffer> {
  let byEncoding = encoded.get(page);
  if (!byEncoding) encoded.set(page, (byEncoding = new Map<PageEncoding, Promise<Buffer>>()));
  let bytes = byEncoding.get(encoding);
  if (!bytes) byEncoding.set(encoding, (bytes = encoders[encoding](page.html)));
  return bytes;
}

interface Entry {
  value: Promise<Cached>;
  tags: string[];
  at: number;
}

export interface PageCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export class PageCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor({ maxEntries = 1000, ttlMs = 5 * 60_000, now = Date.now }: PageCacheOptions = {}) {
    this.#maxEntries = maxEntries;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** The page under `key`, produced once when missing or stale; a failure is not kept. */
  get(key: string, tags: string[], produce: () => Promise<Cached>): Promise<Cached> {
    const entry = this.#entries.get(key);
    if (entry && this.#now() - entry.at < this.#ttlMs) {
      // Most recently used last: the oldest goes first when the cache is full.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }
    const value = produce();
    const fresh = { value, tags, at: this.#now() };
    this.#entries.set(key, fresh);
    value.catch(() => this.#entries.get(key) === fresh && this.#entries.delete(key));
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  /** Drops every page showing `tag`. */
  invalidate(tag: string): void {
    for (const [key, entry] of this.#entries) if (entry.tags.includes(tag)) this.#entries.delete(key);
  }

  /**
   * Drops what a live event changed: the thread's pages, and the lists (their counts, last
   * activity, a new or moved thread). Incidents and private or personal events change no page.
   */
  invalidateFor(event: LiveEvent): void {
    if (event.threadId === null) return;
    this.invalidate(`thread:${event.threadId}`);
    this.invalidate('community');
  }

  entry(status: CachedPage['status'], html: string, locale: Locale): CachedPage {
    const etag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
    return { status, html, etag, locale };
  }
}

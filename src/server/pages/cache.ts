/**
 * Rendered pages kept in memory, each with the tags of what it shows (`thread:<id>`,
 * `community`, `faq`): a live event drops the pages it changes at once, in every process (the
 * live hub hears every process's events), and a time limit drops what no event reports (an FAQ
 * edit, a renamed category). One render per page however many readers ask at the same time.
 * The keeping, tagging, ETag and compression are the server's shared cache (`../cache/tagged-cache.ts`).
 */
import type { Locale } from '../../core/index.ts';
import type { LiveEvent } from '../../contract/index.ts';
import { encodedOnce, preferredEncoding, TaggedCache, weakEtag, type Encoding, type TaggedCacheOptions } from '../cache/tagged-cache.ts';

export interface CachedPage {
  status: 200 | 404 | 410;
  html: string;
  /** A weak ETag from the content: an identical re-render keeps it. */
  etag: string;
  locale: Locale;
}

export type Cached = CachedPage | { redirect: string };

/** The encodings a rendered page is kept in, the one the reader's browser prefers first. */
export type PageEncoding = Encoding;

/** Brotli when the browser takes it, else gzip, else none (`accept-encoding`, a `q=0` refusing one). */
export const pageEncoding = preferredEncoding;

/**
 * A page's bytes in `encoding`, compressed once per page and kept with it: a 50-post page is
 * nearly 1 MB of HTML (each shadow root repeats its styles), and compressing it again on every
 * answer, not rendering, was what held the page at a fifth of the JSON route's rate.
 */
export function encodedPage(page: CachedPage, encoding: PageEncoding): Promise<Buffer> {
  return encodedOnce(page, page.html, encoding);
}

export type PageCacheOptions = Omit<TaggedCacheOptions<Cached>, 'staleAt'>;

export class PageCache extends TaggedCache<Cached> {
  constructor(options: PageCacheOptions = {}) {
    super(options);
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
    return { status, html, etag: weakEtag(html), locale };
  }
}

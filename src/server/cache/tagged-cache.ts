/**
 * What the server's answer caches share (rendered pages, `../pages/cache.ts`; API reads,
 * `./api-cache.ts`): entries kept by key, each with the tags of what it shows, dropped by tag when
 * a write changes it, by age when no write reports it, oldest first when full; one production per
 * key however many readers ask at the same time; a weak ETag from the bytes; the bytes compressed
 * once per entry and encoding.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import { BROTLI_OPTIONS } from '../compress.ts';

/** The encodings an answer is kept in, the one the client prefers first. */
export type Encoding = 'br' | 'gzip';

const encoders: Record<Encoding, (text: string) => Promise<Buffer>> = {
  br: (text) => promisify(brotliCompress)(text, BROTLI_OPTIONS),
  gzip: (text) => promisify(gzip)(text),
};

/** Brotli when the client takes it, else gzip, else none (`accept-encoding`, a `q=0` refusing one). */
export function preferredEncoding(accept: string | undefined): Encoding | undefined {
  const offered = new Set((accept ?? '').split(',').map((part) => part.trim().toLowerCase()).filter((part) => !/;\s*q=0(?:\.0*)?$/.test(part)).map((part) => part.split(';')[0]));
  return offered.has('br') ? 'br' : offered.has('gzip') ? 'gzip' : undefined;
}

const encoded = new WeakMap<object, Map<Encoding, Promise<Buffer>>>();

/** `text` in `encoding`, compressed once for `owner` (a cached entry) and kept as long as it is. */
export function encodedOnce(owner: object, text: string, encoding: Encoding): Promise<Buffer> {
  let byEncoding = encoded.get(owner);
  if (!byEncoding) encoded.set(owner, (byEncoding = new Map<Encoding, Promise<Buffer>>()));
  let bytes = byEncoding.get(encoding);
  if (!bytes) byEncoding.set(encoding, (bytes = encoders[encoding](text)));
  return bytes;
}

/** A weak ETag from the content: an identical answer keeps it. */
export function weakEtag(text: string): string {
  return `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
}

/** Whether `If-None-Match` names `etag` (a list, weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

interface Entry<V> {
  value: Promise<V>;
  tags: Set<string>;
  /** When the entry stops being served (its age limit, or sooner when the value says so). */
  until: number;
}

export interface TaggedCacheOptions<V> {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
  /** An instant before the age limit at which a value goes stale by itself (a deadline it shows). */
  staleAt?: (value: V) => number | undefined;
  /** Tags known only once the value is there (the authors a read shows), added to those `get` was given. */
  tagsOf?: (value: V) => readonly string[];
}

export class TaggedCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #staleAt: ((value: V) => number | undefined) | undefined;
  readonly #tagsOf: ((value: V) => readonly string[]) | undefined;
  protected readonly now: () => number;

  constructor({ maxEntries = 1000, ttlMs = 5 * 60_000, now = Date.now, staleAt, tagsOf }: TaggedCacheOptions<V> = {}) {
    this.#maxEntries = maxEntries;
    this.#ttlMs = ttlMs;
    this.now = now;
    this.#staleAt = staleAt;
    this.#tagsOf = tagsOf;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value under `key`, produced once when missing or stale; a failure is not kept. */
  get(key: string, tags: readonly string[], produce: () => Promise<V>): Promise<V> {
    const entry = this.#entries.get(key);
    if (entry && this.now() < entry.until) {
      // Most recently used last: the oldest goes first when the cache is full.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }
    const value = produce();
    const fresh: Entry<V> = { value, tags: new Set(tags), until: this.now() + this.#ttlMs };
    this.#entries.set(key, fresh);
    value.then(
      (produced) => {
        const staleAt = this.#staleAt?.(produced);
        if (staleAt !== undefined && staleAt < fresh.until) fresh.until = staleAt;
        for (const tag of this.#tagsOf?.(produced) ?? []) fresh.tags.add(tag);
      },
      () => this.#entries.get(key) === fresh && this.#entries.delete(key),
    );
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  /**
   * Drops every entry showing `tag`, those still being produced included: a read that began
   * before the write still answers its own waiters, but is not kept for the next reader.
   */
  invalidate(tag: string): void {
    for (const [key, entry] of this.#entries) if (entry.tags.has(tag)) this.#entries.delete(key);
  }

  /** Drops everything (a write whose reach is not known tag by tag). */
  clear(): void {
    this.#entries.clear();
  }
}

/**
 * Rate-limit counters in the database, for several server processes on one PostgreSQL: the
 * limit holds whichever process a load balancer sends each request to. One statement per
 * request; the window is fixed (it opens with the first request, on the database's clock, so
 * every process agrees) as in @fastify/rate-limit's own memory store. Expired windows are pruned
 * every few minutes. With PGlite (one process per data directory) the memory store is used.
 */
import type { Database } from '../domain/database.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

const PRUNE_EVERY_MS = 300_000;

const COUNT = `insert into rate_limits as r (key, hits, reset_at) values ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
  on conflict (key) do update set
    hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
    reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
  returning hits, greatest(0, ceil(extract(epoch from r.reset_at - now()) * 1000))::int as ttl`;

/** What @fastify/rate-limit calls on a store (named, so the declarations can say what is returned). */
export interface RateLimitStore {
  incr(key: string, callback: Callback, timeWindow?: number): void;
  child(routeOptions: object): RateLimitStore;
}

/** The `store` option of @fastify/rate-limit, bound to `db`; `namespace` keeps each limiter's counters apart. */
export function databaseRateLimitStore(db: Database, namespace = 'api'): new (options?: { timeWindow?: unknown }) => RateLimitStore {
  let lastPrune = 0;
  const prune = () => {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    void db.query('delete from rate_limits where reset_at < now()').catch(() => undefined);
  };
  return class DatabaseRateLimitStore {
    readonly #window: number;
    constructor(options: { timeWindow?: unknown } = {}) {
      this.#window = typeof options.timeWindow === 'number' ? options.timeWindow : 60_000;
    }

    /** The plugin passes the limiter's window as a third argument (its typings leave it out). */
    incr(key: string, callback: Callback, timeWindow?: number): void {
      prune();
      db.query<{ hits: number; ttl: number }>(COUNT, [`${namespace}|${key}`, timeWindow ?? this.#window]).then(
        ([row]) => callback(null, { current: row!.hits, ttl: row!.ttl }),
        (error: unknown) => callback(error as Error),
      );
    }

    /** A limiter made apart (the failed sign-ins' count per address) counts in its own namespace. */
    child(routeOptions: object): RateLimitStore {
      // What the plugin passes at run time: the limiter's merged options (its typings say route options).
      const options = routeOptions as { timeWindow?: unknown; routeInfo?: { method?: unknown; url?: unknown } };
      const route = options.routeInfo && typeof options.routeInfo.url === 'string' ? `${String(options.routeInfo.method)} ${options.routeInfo.url}` : 'apart';
      return new (databaseRateLimitStore(db, `${namespace}/${route}`))(options);
    }
  };
}

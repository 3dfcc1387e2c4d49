/**
 * One small interface over the two databases we run on: embedded PGlite (default) and
 * PostgreSQL (DATABASE_URL). Same SQL, same migrations; rows come back with the same types.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: everything or nothing is written. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Calls `onMessage` for each NOTIFY on `channel`; returns the function that stops listening.
   * `onResume` is called when listening starts again after a lost connection (PostgreSQL): the
   * notifications of the gap are lost, so what they would have caused must be caught up.
   */
  listen(channel: string, onMessage: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const preparable = new Set<string>();

/**
 * Marks `sql` as a hot read of fixed text that a driver able to (PostgreSQL's) prepares once per
 * connection and then only binds and executes: the thread, list and reader-state reads. Search
 * and the like are left unprepared, so that PostgreSQL plans them for each call's values.
 */
export function prepared(sql: string): string {
  preparable.add(sql);
  return sql;
}

export function isPrepared(sql: string): boolean {
  return preparable.has(sql);
}

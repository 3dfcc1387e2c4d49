/**
 * The database a server or a CLI command works on: PostgreSQL when a URL is given, otherwise
 * PGlite in a data directory held under our lock (PGlite has none: two processes on one
 * directory lose writes). `prepareDatabase` adds what serving needs: migrations and the
 * community to serve (the demo's, the one named, or the first).
 */
import type { Database } from '../../domain/database.ts';
import { ensureCommunity, loadCommunity, type CommunityContext } from '../../domain/repo/community.ts';
import { foldCounterDeltas } from '../../domain/repo/counters.ts';
import { seedDemoCommunity, VOLTA_SLUG } from '../../domain/seed/index.ts';
import { isNewDataDir } from './data-dir.ts';
import { lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';
import { openDatabase } from './open.ts';

export interface DatabaseLocation {
  /** `postgres://…`; when unset, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
}

export interface OpenedDatabase {
  db: Database;
  /** Closes the database, then releases the data-directory lock. */
  close(): Promise<void>;
}

export type Say = (message: string) => void;

/** Takes the lock (PGlite), then opens; throws `DataDirLockedError` when another process holds the directory. */
export async function openLockedDatabase(where: DatabaseLocation, say: Say = () => undefined): Promise<OpenedDatabase> {
  const dataDir = where.databaseUrl ? undefined : where.dataDir;
  if (!where.databaseUrl && !dataDir) throw new Error('Give a databaseUrl or a dataDir.');
  const release = dataDir ? await lockDataDir(dataDir) : () => undefined;
  try {
    if (dataDir && isNewDataDir(dataDir)) say(`Creating the embedded database in ${dataDir} …`);
    const db = await openDatabase({ databaseUrl: where.databaseUrl, dataDir });
    return {
      db,
      async close() {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export interface PrepareOptions extends DatabaseLocation {
  /** Seeds the demo community (once) and serves it. */
  demo?: boolean;
  /** The slug of the community to serve; default: the first one (created when there is none). */
  community?: string;
  say?: Say;
  /** Progress of the demo seed, batch by batch. */
  onSeedProgress?: (done: number, total: number, label: string) => void;
}

export interface PreparedDatabase extends OpenedDatabase {
  community: CommunityContext;
}

export class NoSuchCommunityError extends Error {
  override readonly name = 'NoSuchCommunityError';
}

/** Opens, migrates and finds the community to serve; closes again when any step fails. */
export async function prepareDatabase(options: PrepareOptions): Promise<PreparedDatabase> {
  const say = options.say ?? (() => undefined);
  const opened = await openLockedDatabase(options, say);
  try {
    const applied = await migrate(opened.db);
    if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
    // Replies acknowledged just before a crash may have left counter deltas: counts are exact from the start.
    await foldCounterDeltas(opened.db);
    return { ...opened, community: await communityToServe(opened.db, options) };
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
}

async function communityToServe(db: Database, options: PrepareOptions): Promise<CommunityContext> {
  if (options.demo) await seedDemoCommunity(db, { onProgress: options.onSeedProgress });
  const slug = options.demo ? VOLTA_SLUG : options.community;
  let community = await loadCommunity(db, slug);
  if (!community && !slug) {
    await ensureCommunity(db, 'default', 'Entraide');
    community = await loadCommunity(db);
  }
  if (!community) throw new NoSuchCommunityError(`No community "${slug}" in this database: import it first (entraide-server import <file.json>).`);
  return community;
}

/**
 * Builds the mocks' demo community: the migrated database with the demo seed in it, dumped as
 * a PGlite data directory (`src/mocks/demo-data/community.tar.gz`, about 6 MB). Loading it takes
 * well under a second in a page, where creating, migrating and seeding takes about 15 s.
 * Skipped when the migrations and the seed have not changed since the last build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { migrate } from '../src/server/db/migrate.ts';
import { openPglite } from '../src/domain/pglite.ts';
import { DEMO_DATA_TIME, seedDemoCommunity } from '../src/domain/seed/index.ts';
import { snapshotDemoData } from '../src/mocks/demo-data/database.ts';

const ROOT = new URL('../', import.meta.url);
const OUT = new URL('src/mocks/demo-data/', ROOT);
const DUMP = new URL('community.tar.gz', OUT);
const STAMP = new URL('community.hash', OUT);
const SOURCES = ['src/server/db/migrations/', 'src/domain/seed/', 'src/domain/pglite.ts', 'src/mocks/demo-data/database.ts', 'scripts/build-demo-data.ts'];

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    const url = new URL(source, ROOT);
    const files = source.endsWith('/') ? readdirSync(url).sort().map((name) => new URL(name, url)) : [url];
    for (const file of files) hash.update(file.pathname).update(readFileSync(file));
  }
  return hash.digest('hex');
}

const hash = sourcesHash();
if (existsSync(DUMP) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) process.exit(0);

const started = Date.now();
const db = await openPglite({});
await migrate(db);
const summary = await seedDemoCommunity(db, { now: DEMO_DATA_TIME });
await snapshotDemoData(db);
const dump = await db.dumpCompressed();
await db.close();
mkdirSync(OUT, { recursive: true });
writeFileSync(DUMP, Buffer.from(await dump.arrayBuffer()));
writeFileSync(STAMP, hash);
console.log(`demo data: ${summary.members} members, ${summary.threads} threads, ${summary.posts} posts, ${(dump.size / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s`);

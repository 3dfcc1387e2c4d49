/**
 * `npm start`'s first step: builds the forum's scripts and the demo page (`npm run build:web`,
 * about a minute) only when what they are built from changed since the last build, and says
 * so. The sources are hashed by content (a checkout or a copy changes mtimes, not content) and
 * compared with the stamp the last successful build left in dist/.
 *
 * Not hashed: src/server (not in the page), src/domain and src/mocks (only in dist/size/, the
 * bench's reference sizes: `npm run build:web` brings those up to date), and src/sdk/routes/,
 * generated from src/contract/routes.ts, which is.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'src/core', 'src/contract', 'src/sdk', 'src/components', 'demo',
  'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.demo.json', 'package-lock.json', 'scripts/generate-routes.ts',
];
const GENERATED = 'src/sdk/routes';
const OUTPUTS = ['dist/entraide.min.js', 'dist/demo/entraide.min.js', 'dist/demo/index.html', 'dist/demo/demo.js', 'dist/demo/hydrate/entraide-ssr.min.js', 'dist/ssr/entraide-ssr.js'];
const STAMP = 'dist/.build-web-stamp.json';

interface Stamp {
  builtAt: string;
  /** Path → sha256 of its content. */
  files: Record<string, string>;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path) || path === GENERATED) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

function hashSources(): Record<string, string> {
  return Object.fromEntries(SOURCES.flatMap(filesUnder).map((file) => [file, createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** The files added, changed or removed since the stamp. */
function changedSince(stamp: Stamp, files: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(stamp.files), ...Object.keys(files)]);
  return [...paths].filter((path) => stamp.files[path] !== files[path]).sort();
}

const say = (message: string) => console.log(`[entraide] ${message}`);

function why(stamp: Stamp | undefined, changed: string[]): string | undefined {
  if (!stamp || OUTPUTS.some((file) => !existsSync(file))) return "Building the forum's scripts (first start, about a minute)…";
  if (changed.length === 0) return undefined;
  const named = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  return `Sources changed since the last build (${named}): rebuilding the forum's scripts (about a minute)…`;
}

const files = hashSources();
const stamp = readStamp();
const reason = why(stamp, stamp ? changedSince(stamp, files) : []);
if (!reason) {
  say(`The forum's scripts are up to date (built ${stamp?.builtAt}; no source changed since).`);
} else {
  say(reason);
  const started = performance.now();
  // npm runs the one definition of the build (package.json's build:web), on the project's Node.
  const build = spawnSync('npm', ['run', '-s', 'build:web'], { stdio: 'inherit' });
  if (build.status !== 0) {
    say('The build failed: see above. Nothing was started.');
    process.exit(build.status ?? 1);
  }
  writeFileSync(STAMP, JSON.stringify({ builtAt: new Date().toISOString(), files } satisfies Stamp));
  say(`Built in ${Math.round((performance.now() - started) / 1000)} s.`);
}

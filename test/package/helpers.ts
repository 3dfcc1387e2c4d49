/**
 * Packing and installing the two packages the way a user does: `npm pack`, then `npm install`
 * of the tarball into a fresh directory, from the registry like anyone else.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = new URL('../../', import.meta.url).pathname;

const run = promisify(execFile);

/**
 * The environment without npm's own `npm_*` variables: `npm test` sets them for the repository,
 * and a nested npm in a temporary directory must behave as in a fresh shell.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD'));
  return { ...env, ...extra };
}

export async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export interface Tarball {
  path: string;
  /** Bytes of the .tgz. */
  size: number;
  unpackedSize: number;
  files: string[];
}

interface PackEntry {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

/** `npm pack` of the package in `dir` (the repository root or `server/`); `dryRun` lists without writing. */
export async function pack(dir: string, destination: string, dryRun = false): Promise<Tarball> {
  const args = ['pack', '--json', '--pack-destination', destination, ...(dryRun ? ['--dry-run'] : [])];
  const [entry] = JSON.parse(await npm(args, dir)) as PackEntry[];
  if (!entry) throw new Error(`npm pack gave nothing in ${dir}`);
  return { path: join(destination, entry.filename), size: entry.size, unpackedSize: entry.unpackedSize, files: entry.files.map((file) => file.path) };
}

export function scratchDir(name: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `entraide-${name}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A directory with a bare `package.json`, as `npm init` would leave it. */
export function emptyApp(dir: string, name: string): void {
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
}

export async function install(dir: string, specs: string[]): Promise<void> {
  await npm(['install', '--no-audit', '--no-fund', ...specs], dir);
}

export interface Footprint {
  /** Installed packages, nested ones included (the entries of `node_modules/.package-lock.json`). */
  packages: string[];
  /** `du -sk node_modules`, in MB. */
  megabytes: number;
}

export async function footprint(dir: string): Promise<Footprint> {
  const modules = join(dir, 'node_modules');
  const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  const packages = Object.keys(lock.packages).map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  const { stdout } = await run('du', ['-sk', modules]);
  return { packages, megabytes: Number.parseInt(stdout, 10) / 1024 };
}

/** The version of a dev dependency as installed here, so the scratch app uses the one our lock pins. */
export function installedVersion(name: string): string {
  const file = join(ROOT, 'node_modules', name, 'package.json');
  if (!existsSync(file)) throw new Error(`${name} is not installed: run npm ci`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export const mb = (value: number) => `${value.toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** A brand app's tsconfig for `files`: strict, bundler resolution, the DOM; `skipLibCheck` as a new Vite app sets it unless told. */
export function consumerTsconfig(files: string[], { skipLibCheck = true } = {}): object {
  return {
    compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2023', 'dom', 'dom.iterable'], strict: true, noEmit: true, skipLibCheck, types: [] },
    include: files,
  };
}

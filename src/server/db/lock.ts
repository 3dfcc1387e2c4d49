/**
 * PGlite has no lock of its own: two processes on one data directory silently lose writes.
 * We hold a lock file for as long as the server runs, and refuse to start beside a live holder.
 *
 * A pid alone does not name a process for long: in a container the server is PID 1 at every
 * start, and pids are recycled. The lock therefore names its holder by pid, start time (from
 * /proc/<pid>/stat), boot id and pid namespace, and the holder touches it every few seconds so
 * that a holder we cannot see (another pid namespace: another container, or the one before a
 * restart) is judged by whether it still shows signs of life.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

export interface LockOptions {
  /** How often the holder touches the lock; a lock untouched for 3 beats has lost its holder. */
  heartbeatMs?: number;
}

const DEFAULT_HEARTBEAT_MS = 5_000;
const MISSED_BEATS = 3;

/** Who holds a lock. Old lock files hold a bare pid: the other fields are then missing. */
interface Holder {
  pid: number;
  startTime?: string;
  bootId?: string;
  pidNamespace?: string;
  /** Tells this lock from any other one of the same process. */
  nonce?: string;
  /** How often the holder touches the lock: it is judged by its own beat. */
  heartbeatMs?: number;
}

function readOptional(path: string, read: (path: string) => string): string | undefined {
  try {
    return read(path).trim();
  } catch {
    return undefined;
  }
}

const textOf = (path: string) => readOptional(path, (file) => readFileSync(file, 'utf8'));

/** Field 22 of /proc/<pid>/stat: clock ticks since boot when the process started. */
function startTimeOf(pid: number): string | undefined {
  const stat = textOf(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: count from its closing one.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function ourselves(heartbeatMs: number): Holder {
  return {
    heartbeatMs,
    pid: process.pid,
    startTime: startTimeOf(process.pid),
    bootId: textOf('/proc/sys/kernel/random/boot_id'),
    pidNamespace: readOptional('/proc/self/ns/pid', readlinkSync),
    nonce: randomBytes(8).toString('hex'),
  };
}

function parseHolder(text: string): Holder | undefined {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()) };
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) && holder.pid > 0 ? holder : undefined;
  } catch {
    return undefined;
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Verdict = 'live' | 'stale' | 'unseen';

/** Whether the holder is alive, as far as this process can see it. */
function judge(holder: Holder | undefined, me: Holder): Verdict {
  if (!holder) return 'stale'; // unreadable: no server writes that
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return 'stale';
  if (holder.pidNamespace && me.pidNamespace && holder.pidNamespace !== me.pidNamespace) return 'unseen';
  if (holder.pid === me.pid) return 'stale'; // this process holds no other server
  if (!isAlive(holder.pid)) return 'stale';
  // A live process at that pid that started at another time only recycled the pid.
  if (holder.startTime && holder.startTime !== startTimeOf(holder.pid)) return 'stale';
  return 'live';
}

/** A holder in another pid namespace is alive if it touches the lock within three beats. */
async function watchHeartbeat(path: string, heartbeatMs: number): Promise<'live' | 'stale'> {
  const first = mtimeOf(path);
  if (first === undefined || Date.now() - first > MISSED_BEATS * heartbeatMs) return 'stale';
  const deadline = Date.now() + MISSED_BEATS * heartbeatMs;
  while (Date.now() < deadline) {
    await sleep(Math.min(heartbeatMs / 4, 250));
    const latest = mtimeOf(path);
    if (latest !== first) return latest === undefined ? 'stale' : 'live';
  }
  return 'stale';
}

/** Writes the lock whole beside `path`, then links it in: nobody ever reads half a lock. */
function tryCreate(path: string, me: Holder): boolean {
  const draft = `${path}.${me.nonce}`;
  writeFileSync(draft, JSON.stringify(me));
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Replaces the stale lock whose text was `staleText`. Two starters may find it stale at once:
 * a short guard file lets one replace it; the other then finds a fresh lock and judges again.
 */
function tryTakeOver(path: string, staleText: string, me: Holder): boolean {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A starter that died between these few lines leaves the guard: old guards are dropped.
    if (Date.now() - (mtimeOf(guard) ?? Date.now()) > 10_000) rmSync(guard, { force: true });
    return false;
  }
  try {
    writeSync(fd, String(process.pid));
    if (textOf(path) !== staleText) return false;
    const draft = `${path}.${me.nonce}`;
    writeFileSync(draft, JSON.stringify(me));
    renameSync(draft, path);
    return true;
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

function refusal(holder: Holder, dataDir: string): DataDirLockedError {
  return new DataDirLockedError(
    `Another Entraide server (pid ${holder.pid}) is using ${dataDir}. Stop it first, or set ENTRAIDE_DATA_DIR to another directory: ` +
      'two servers on one embedded database would lose writes.',
  );
}

/** Takes the lock or throws `DataDirLockedError`; resolves to the function that releases it. */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<() => void> {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'entraide.lock');
  const me = ourselves(heartbeatMs);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (tryCreate(path, me)) return hold(path, me, heartbeatMs);
    const text = textOf(path);
    if (text === undefined) continue; // released meanwhile
    const holder = parseHolder(text);
    let verdict = judge(holder, me);
    if (verdict === 'unseen') verdict = await watchHeartbeat(path, holder?.heartbeatMs ?? heartbeatMs);
    if (verdict === 'live' && holder) throw refusal(holder, dataDir);
    if (tryTakeOver(path, text, me)) return hold(path, me, heartbeatMs);
    await sleep(50);
  }
  throw new DataDirLockedError(`Could not take the lock ${path}; another server is starting on ${dataDir}.`);
}

/** Keeps the lock touched while held; the release removes it only if it is still ours. */
function hold(path: string, me: Holder, heartbeatMs: number): () => void {
  const beat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // Removed by hand: nothing to keep alive.
    }
  }, heartbeatMs);
  beat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(beat);
    if (parseHolder(textOf(path) ?? '')?.nonce === me.nonce) rmSync(path, { force: true });
  };
}

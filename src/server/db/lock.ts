/**
 * PGlite has no lock of its own: two processes on one data directory silently lose writes.
 * We hold a lock file for as long as the server runs, and refuse to start beside a live holder.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock or throws `DataDirLockedError`; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'entraide.lock');
  if (!tryCreate(path)) {
    const holder = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(holder) && isAlive(holder)) {
      throw new DataDirLockedError(
        `Another Entraide server (pid ${holder}) is using ${dataDir}. Stop it first, or set ENTRAIDE_DATA_DIR to another directory: ` +
          'two servers on one embedded database would lose writes.',
      );
    }
    // The holder died without cleaning up: the lock is stale.
    rmSync(path, { force: true });
    if (!tryCreate(path)) throw new DataDirLockedError(`Could not take the lock ${path}; another server is starting on ${dataDir}.`);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    rmSync(path, { force: true });
  };
}

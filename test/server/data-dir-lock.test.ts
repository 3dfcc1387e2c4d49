/** The data-directory lock against real processes: dead, recycled and live holders, and PID 1 in containers. */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataDirLockedError, lockDataDir } from '../../src/server/db/lock.ts';

const HOLDER = new URL('../helpers/lock-holder.ts', import.meta.url).pathname;
const HEARTBEAT_MS = 100;
const dirs: string[] = [];
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'entraide-lock-'));
  dirs.push(dir);
  return dir;
}

const lockPath = (dir: string) => join(dir, 'entraide.lock');
const startTimeOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19];
const identity = (pid: number, startTime: string) => ({
  pid,
  startTime,
  bootId: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
  pidNamespace: readlinkSync('/proc/self/ns/pid'),
});

interface Holder {
  child: ChildProcess;
  /** The first line the holder printed: `locked <pid>` or `refused <message>`. */
  said: Promise<string>;
  exited: Promise<number | null>;
}

/** Starts lock-holder.ts, in a new PID namespace (as its PID 1) when `asPid1`. */
function startHolder(dir: string, asPid1 = false, heartbeatMs: number | null = HEARTBEAT_MS): Holder {
  const node = [process.execPath, HOLDER, dir, ...(heartbeatMs === null ? [] : [String(heartbeatMs)])];
  const child = asPid1 ? spawn('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', ...node]) : spawn(node[0]!, node.slice(1));
  children.push(child);
  let output = '';
  const said = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(output.split('\n')[0]!);
    });
    child.once('exit', () => reject(new Error(`holder exited without a word: ${output}`)));
  });
  said.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, said, exited };
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('data-directory lock', { timeout: 600_000 }, () => {
  it('takes over the lock of a process that is gone', async () => {
    const dir = freshDir();
    writeFileSync(lockPath(dir), String(await deadPid()));
    const release = await lockDataDir(dir);
    assert.equal(JSON.parse(readFileSync(lockPath(dir), 'utf8')).pid, process.pid);
    release();
    assert.equal(existsSync(lockPath(dir)), false, 'released on stop');
  });

  it('takes over a lock naming the starting process itself (a restarted PID 1)', async () => {
    const dir = freshDir();
    writeFileSync(lockPath(dir), String(process.pid));
    (await lockDataDir(dir))();
  });

  it('takes over a lock whose pid now belongs to another process (a recycled pid)', async () => {
    const dir = freshDir();
    const other = spawn('sleep', ['30']);
    children.push(other);
    writeFileSync(lockPath(dir), JSON.stringify(identity(other.pid!, '1')));
    (await lockDataDir(dir))();
  });

  it('refuses to start beside a live holder, naming its pid', async () => {
    const dir = freshDir();
    const holder = startHolder(dir);
    const pid = (await holder.said).replace('locked ', '');
    await assert.rejects(lockDataDir(dir, { heartbeatMs: HEARTBEAT_MS }), (error: Error) => error instanceof DataDirLockedError && error.message.includes(`(pid ${pid})`));
    const lock = JSON.parse(readFileSync(lockPath(dir), 'utf8'));
    assert.deepEqual({ pid: lock.pid, startTime: lock.startTime }, { pid: Number(pid), startTime: startTimeOf(Number(pid)) });
    holder.child.kill('SIGKILL');
    await holder.exited;
    (await lockDataDir(dir))();
  });

  it('lets exactly one of several servers starting at once take over a stale lock', async () => {
    const dir = freshDir();
    writeFileSync(lockPath(dir), String(await deadPid()));
    const holders = Array.from({ length: 4 }, () => startHolder(dir));
    const said = await Promise.all(holders.map((holder) => holder.said));
    assert.equal(said.filter((line) => line.startsWith('locked')).length, 1, said.join('\n'));
    assert.equal(said.filter((line) => line.startsWith('refused Another Entraide server')).length, 3, said.join('\n'));
  });

  it('removes on release only a lock that is still its own', async () => {
    const dir = freshDir();
    const first = await lockDataDir(dir);
    const second = await lockDataDir(dir); // names this process: taken over
    first();
    assert.equal(existsSync(lockPath(dir)), true, 'the newer holder keeps its lock');
    second();
    assert.equal(existsSync(lockPath(dir)), false);
  });
});

const unshare = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']);
const noNamespaces = unshare.error || unshare.status !== 0
  ? `unshare --pid --fork --mount-proc is not available here (${unshare.error?.message ?? unshare.stderr.toString().trim()}): run as root on Linux to test PID 1`
  : false;

describe('data-directory lock as PID 1 of a container', { skip: noNamespaces, timeout: 600_000 }, () => {
  it('starts again as PID 1 after the PID 1 that held the lock was killed', async () => {
    const dir = freshDir();
    const first = startHolder(dir, true);
    assert.equal(await first.said, 'locked 1');
    first.child.kill('SIGKILL');
    await first.exited;
    // With the default 5 s beat of its own, it judges the old lock by the beat written in it.
    const startedAt = Date.now();
    const restarted = startHolder(dir, true, null);
    assert.equal(await restarted.said, 'locked 1');
    assert.ok(Date.now() - startedAt < 4_000, `took ${Date.now() - startedAt} ms`);
  });

  it('refuses a second PID 1 beside a live one (another container on the same volume)', async () => {
    const dir = freshDir();
    const first = startHolder(dir, true);
    assert.equal(await first.said, 'locked 1');
    const second = startHolder(dir, true);
    assert.match(await second.said, /^refused Another Entraide server \(pid 1\)/);
    assert.equal(await second.exited, 3);
  });
});

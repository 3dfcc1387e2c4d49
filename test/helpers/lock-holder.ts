/**
 * A process that takes the data-directory lock and holds it until killed (tests of the lock).
 * Usage: node lock-holder.ts <dataDir> [heartbeatMs]. Prints `locked <pid>` or `refused <message>`.
 */
import { DataDirLockedError, lockDataDir } from '../../src/server/db/lock.ts';

const [dataDir, heartbeat] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-holder.ts <dataDir> [heartbeatMs]');
try {
  await lockDataDir(dataDir, { heartbeatMs: heartbeat ? Number(heartbeat) : undefined });
  process.stdout.write(`locked ${process.pid}\n`);
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stdout.write(`refused ${error.message}\n`);
  process.exit(3);
}

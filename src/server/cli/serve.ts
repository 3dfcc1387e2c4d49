/**
 * `entraide-server [serve]`: the server, until SIGTERM or SIGINT. Stopping is graceful: no new
 * connection, live-event clients told to reconnect (elsewhere, or here after a restart),
 * requests in flight finished, the database closed and its lock released — within 10 s, or the
 * process exits anyway with code 1.
 */
import { readConfig } from '../config.ts';
import { createProgress } from '../progress.ts';
import type { RunningServer } from '../start.ts';
import { EXIT, parseCommand, type Command } from './command.ts';
import { describeDatabase } from './database.ts';

export const STOP_DEADLINE_MS = 10_000;

const usage = `Usage: entraide-server [serve]

Serves the forum: the API under /api, its live events, its OpenAPI document, and the page in
ENTRAIDE_STATIC_DIR. Pending migrations are applied first. Configured by environment variables
(README, Configuration): PORT, HOST, DATABASE_URL or ENTRAIDE_DATA_DIR, ENTRAIDE_JWT_SECRET or
ENTRAIDE_JWKS_URL, ENTRAIDE_COMMUNITY, ENTRAIDE_DEMO, ENTRAIDE_LOG_LEVEL and more.

Logs are JSON lines on stdout, one per request. On SIGTERM or SIGINT it stops accepting
connections, tells live-event clients to reconnect, lets requests in flight finish and closes
the database: exit code 0, or 1 if that takes more than 10 s.

Options:
  -h, --help  show this help`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the forum (the default command)',
  usage,
  async run(argv) {
    if (!parseCommand(this, argv, {})) return EXIT.ok;
    const config = readConfig();
    const started = performance.now();
    const { startServer } = await import('../start.ts');
    // A terminal gets a bar for a first demo seed; logs get percentage lines (startServer's default).
    const bar = process.stderr.isTTY ? createProgress('Seeding the demo community') : undefined;
    let server: RunningServer;
    try {
      server = await startServer(config, { onSeedProgress: bar && ((done, total, label) => bar.update(done, total, label)) });
    } finally {
      bar?.finish(); // an error then starts on a line of its own
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    server.app.log.info(`Ready in ${seconds} s on ${server.url} (${describeDatabase(config)}${config.demo ? ', demo mode' : ''})`);
    return stopOnSignal(server);
  },
};

/** Resolves to the exit code once a signal has stopped the server (or the deadline passed). */
function stopOnSignal(server: RunningServer): Promise<number> {
  const log = server.app.log;
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn(`${signal} again: exiting now.`);
        resolve(EXIT.failed);
        return;
      }
      stopping = true;
      log.info(`${signal}: stopping (live-event clients told to reconnect, requests in flight finishing)…`);
      const deadline = setTimeout(() => {
        log.error(`Not stopped after ${STOP_DEADLINE_MS / 1000} s: exiting anyway.`);
        resolve(EXIT.failed);
      }, STOP_DEADLINE_MS);
      server.stop().then(
        () => {
          clearTimeout(deadline);
          log.info('Stopped.');
          resolve(EXIT.ok);
        },
        (error: unknown) => {
          clearTimeout(deadline);
          log.error({ err: error }, 'Stopping failed.');
          resolve(EXIT.failed);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

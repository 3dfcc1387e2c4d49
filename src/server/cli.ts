#!/usr/bin/env node
/** `npm start` / `npm run serve`: the reference server on the configured port. */
import { ConfigError, readConfig } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { startServer } from './start.ts';

const say = (message: string) => console.log(`[entraide] ${message}`);

try {
  const config = readConfig();
  const started = Date.now();
  const server = await startServer(config, say);
  say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${server.url} (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}${config.demo ? ', demo mode' : ''})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  // PGlite errors print a huge minified source line: keep the message only.
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  console.error(`[entraide] ${known ? '' : 'Could not start: '}${(error as Error).message}`);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error('[entraide] Set PORT to use another port.');
  process.exit(1);
}

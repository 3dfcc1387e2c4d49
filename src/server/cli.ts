#!/usr/bin/env node
/** The `entraide-server` command (`npm start`, `npm run serve`): see cli/index.ts. */
import { runCli } from './cli/index.ts';

// Exits with the command's code even if a handle (a pool, a timer) would keep the process alive.
process.exit(await runCli(process.argv.slice(2)));

/**
 * `entraide-server <command>`: one module per command. No command serves, so `node cli.ts`,
 * `npm start` and existing deployments keep working; `--help` never opens a database.
 */
import { EXIT, UsageError, warn, type Command } from './command.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { tokenCommand } from './token.ts';

const COMMANDS: readonly Command[] = [serveCommand, migrateCommand, seedCommand, importCommand, tokenCommand];

export const USAGE = `Usage: entraide-server [command] [options]

The Entraide forum's reference server and its admin commands. Without a command, it serves.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)}${command.summary}`).join('\n')}

Options:
  -h, --help  show this help; entraide-server <command> --help shows a command's

Every command works on DATABASE_URL (PostgreSQL) when it is set, else on the embedded database
in ENTRAIDE_DATA_DIR (default ./.entraide), which one process at a time may use.
Environment variables: README.md, Configuration.`;

/**
 * Known failures print their message only; anything else is reported as unexpected. By name:
 * importing their modules here would load the database drivers for `--help`.
 */
const KNOWN = new Set(['CommandError', 'ConfigError', 'DataDirLockedError', 'NoSuchCommunityError', 'EntraideOptionsError', 'CommunityFileError']);

function commandOf(argv: string[]): { command: Command; args: string[] } | 'help' {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-') && first !== '-h' && first !== '--help') return { command: serveCommand, args: argv };
  if (first === '-h' || first === '--help') return 'help';
  if (first === 'help') {
    const named = COMMANDS.find((command) => command.name === rest[0]);
    return named ? { command: named, args: ['--help'] } : 'help';
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (!command) throw new UsageError(`Unknown command "${first}".`);
  return { command, args: rest };
}

/** Runs the command line; resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let name: string | undefined;
  try {
    const found = commandOf(argv);
    if (found === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    name = found.command.name;
    return await found.command.run(found.args);
  } catch (error) {
    return report(error, name);
  }
}

function report(error: unknown, command: string | undefined): number {
  if (error instanceof UsageError) {
    const help = error.command ?? command;
    warn(`entraide-server: ${error.message}\nRun \`entraide-server ${help ? `${help} ` : ''}--help\` for usage.`);
    return EXIT.usage;
  }
  // PGlite errors carry a huge minified source line: the message alone says enough.
  const message = (error as Error).message ?? String(error);
  const known = error instanceof Error && KNOWN.has(error.name);
  warn(`entraide-server: ${known ? message : `${command ?? 'the command'} failed: ${message}`}`);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') warn('entraide-server: set PORT to use another port.');
  return EXIT.failed;
}

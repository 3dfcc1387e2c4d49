/**
 * What every command shares: its arguments parsed with `node:util` parseArgs (strict: an unknown
 * option is an error), `--help` answered before anything else is done, and the exit codes.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** 0: done; 1: failed (database, lock, bad file, missing secret); 2: the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A wrong command line: the message is printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose `--help` to point to. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** A known failure (a bad file, a missing secret): its message alone is printed, exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export interface Command {
  name: string;
  /** One line, for the list of commands. */
  summary: string;
  /** The whole `--help` text. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * The command's options and positionals, or undefined after printing its usage for `--help`.
 * parseArgs' own messages ("Unknown option '--x'") become usage errors.
 */
export function parseCommand<const Options extends ParseArgsOptionsConfig>(command: Pick<Command, 'name' | 'usage'>, argv: string[], options: Options, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...HELP }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'), command.name);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${command.usage}\n`);
    return undefined;
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`, command.name);
  return parsed;
}

/** Human output of the one-shot commands (the server's own output is its JSON log). */
export const say = (message: string) => void process.stdout.write(`${message}\n`);
export const warn = (message: string) => void process.stderr.write(`${message}\n`);

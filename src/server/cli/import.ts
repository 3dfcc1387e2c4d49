/** `entraide-server import <file.json> [--check]`: a brand's community, its categories and FAQ. */
import { readFile } from 'node:fs/promises';
import { readConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { createProgress } from '../progress.ts';
import type { CommunityFile } from '../../domain/community-file.ts';
import type { ImportSummary, Tally } from '../../domain/import.ts';
import { CommandError, EXIT, parseCommand, say, UsageError, type Command } from './command.ts';
import { describeDatabase, withDatabase } from './database.ts';

const usage = `Usage: entraide-server import <file.json> [--check]

Imports a community from a JSON file: its slug, name, locales and default locale, advisor
signature and time zone, its categories (fr/en names and descriptions, holdback minutes) and
its FAQ articles (markdown). The file is checked first: each problem names its field. Then
everything is written in one transaction, matched by slug: running it again changes nothing,
an edited file updates what changed, and nothing missing from the file is deleted. Pending
migrations are applied first. Format and example: examples/import/ (README.md, community.json).

Options:
  --check     check the file only; the database is not opened
  -h, --help  show this help

Database: DATABASE_URL (PostgreSQL), else ENTRAIDE_DATA_DIR (embedded, default ./.entraide).
The server serves the community named by ENTRAIDE_COMMUNITY (its slug), else the first one.`;

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CommandError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${path} is not valid JSON: ${(error as Error).message}.`);
  }
}

async function readFileAsCommunity(path: string, content: unknown): Promise<CommunityFile> {
  const { CommunityFileError, readCommunityFile } = await import('../../domain/community-file.ts');
  try {
    return readCommunityFile(content);
  } catch (error) {
    if (error instanceof CommunityFileError) throw new CommandError(`${path}: ${error.message.replace(/^The community file/, 'the file')}`);
    throw error;
  }
}

/** Fewer entries than this import in a blink: no progress to show. */
const LONG_IMPORT = 100;

const counts = (what: string, tally: Tally) => `${what}: ${tally.created} created, ${tally.updated} updated, ${tally.unchanged} unchanged`;

function report(file: CommunityFile, summary: ImportSummary, where: string): string {
  const lines = [
    `Imported community "${file.slug}" (${summary.community}) on ${where}`,
    `  ${counts('categories', summary.categories)}`,
    `  ${counts('FAQ articles', summary.faq)}`,
  ];
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import a community, its categories and FAQ from a JSON file',
  usage,
  async run(argv) {
    const parsed = parseCommand(this, argv, { check: { type: 'boolean' } }, 1);
    if (!parsed) return EXIT.ok;
    const [path] = parsed.positionals;
    if (!path) throw new UsageError('Name the file to import: entraide-server import <file.json>.', this.name);
    const file = await readFileAsCommunity(path, await readJson(path));
    if (parsed.values.check) {
      say(`${path} is a valid community file: "${file.slug}", ${file.categories.length} categories, ${file.faq?.length ?? 0} FAQ articles.`);
      return EXIT.ok;
    }
    const config = readConfig();
    const { importCommunity } = await import('../../domain/import.ts');
    const summary = await withDatabase(config, async (db) => {
      for (const name of await migrate(db)) say(`Applied ${name}`);
      const progress = createProgress('Importing');
      try {
        return await importCommunity(db, file, { onProgress: (done, total) => total >= LONG_IMPORT && progress.update(done, total) });
      } finally {
        progress.finish();
      }
    });
    say(report(file, summary, describeDatabase(config)));
    return EXIT.ok;
  },
};

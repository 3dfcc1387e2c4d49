/** `entraide-server migrate [--dry-run]`: applies the pending migrations, or lists them. */
import { readConfig } from '../config.ts';
import { migrate, pendingMigrations, shippedMigrations } from '../db/migrate.ts';
import { isNewDataDir } from '../db/data-dir.ts';
import { EXIT, parseCommand, say, type Command } from './command.ts';
import { describeDatabase, withDatabase } from './database.ts';

const usage = `Usage: entraide-server migrate [--dry-run]

Applies the database migrations this version ships that the database has not applied yet,
each in its own transaction, and names each one. The server applies them too when it starts:
run this as a deploy step to apply them before the new version serves.

Options:
  --dry-run   list the pending migrations and change nothing (a missing embedded
              database is not created)
  -h, --help  show this help

Database: DATABASE_URL (PostgreSQL), else ENTRAIDE_DATA_DIR (embedded, default ./.entraide).`;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (--dry-run: list them)',
  usage,
  async run(argv) {
    const parsed = parseCommand(this, argv, { 'dry-run': { type: 'boolean' } });
    if (!parsed) return EXIT.ok;
    const config = readConfig();
    const where = describeDatabase(config);
    if (parsed.values['dry-run']) {
      const pending = !config.databaseUrl && isNewDataDir(config.dataDir) ? await shippedMigrations() : await withDatabase(config, pendingMigrations);
      say(pending.length ? `${pending.length} pending migration(s) on ${where}:\n${pending.map((name) => `  ${name}`).join('\n')}\nDry run: nothing applied.` : `${where} is up to date: nothing to apply.`);
      return EXIT.ok;
    }
    const applied = await withDatabase(config, (db) => migrate(db, { onApplied: (name) => say(`Applied ${name}`) }));
    say(applied.length ? `${applied.length} migration(s) applied on ${where}.` : `${where} is up to date: nothing to apply.`);
    return EXIT.ok;
  },
};

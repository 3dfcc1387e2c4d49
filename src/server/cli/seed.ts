/** `entraide-server seed --demo`: the demo community, with a progress bar. */
import { readConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { createProgress } from '../progress.ts';
import { EXIT, parseCommand, say, UsageError, type Command } from './command.ts';
import { describeDatabase, withDatabase } from './database.ts';

const usage = `Usage: entraide-server seed --demo

Seeds the demo community, a fictional mobile operator's forum (8 categories, 120 members on
every rank, two advisors, 240 threads and about 2,000 posts in French and English, its FAQ),
applying pending migrations first. Does nothing when it already exists. Serve it with
ENTRAIDE_DEMO=1, which also turns on the demo sign-in.

Options:
  --demo      the demo community (the only seed there is)
  -h, --help  show this help

Database: DATABASE_URL (PostgreSQL), else ENTRAIDE_DATA_DIR (embedded, default ./.entraide).`;

export const seedCommand: Command = {
  name: 'seed',
  summary: 'seed the demo community (--demo)',
  usage,
  async run(argv) {
    const parsed = parseCommand(this, argv, { demo: { type: 'boolean' } });
    if (!parsed) return EXIT.ok;
    if (!parsed.values.demo) throw new UsageError('Say what to seed: --demo (the demo community) is the only seed.', this.name);
    const config = readConfig();
    const { seedDemoCommunity, VOLTA_NAME } = await import('../../domain/seed/index.ts');
    const summary = await withDatabase(config, async (db) => {
      for (const name of await migrate(db)) say(`Applied ${name}`);
      const progress = createProgress('Seeding');
      try {
        return await seedDemoCommunity(db, { onProgress: (done, total, label) => progress.update(done, total, label) });
      } finally {
        progress.finish();
      }
    });
    const counts = `${summary.categories} categories, ${summary.members} members, ${summary.threads} threads, ${summary.posts} posts`;
    say(summary.created ? `Seeded ${VOLTA_NAME} on ${describeDatabase(config)}: ${counts}.` : `${VOLTA_NAME} already exists on ${describeDatabase(config)} (${counts}): nothing written.`);
    return EXIT.ok;
  },
};

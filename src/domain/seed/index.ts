/**
 * The demo community: "Volta Mobile", a fictional low-cost mobile operator whose support forum
 * re-enacts the field study's practices (§8–§56) with invented people. Seeding is
 * all-or-nothing, deterministic for a given `now`, and idempotent: when the community already
 * exists nothing is written, so restarting the demo keeps everything people posted.
 */
import type { Database, Queryable } from '../database.ts';
import { planCommunity } from './community.ts';
import { CHANGE_PLAN_TITLE } from './example.ts';
import { VOLTA_SLUG, writeCommunity, writeSteps } from './insert.ts';
import { seedInteractions } from './interactions.ts';
import { seedFaq } from './faq.ts';
import { seedModeration } from './moderation.ts';
import { seedAdvisor } from './advisor.ts';
import { seedWorkspace } from './workspace.ts';
import { seedReview } from './review.ts';
import { seedAdmin } from './admin.ts';

export { planCommunity, DEMO_SEED } from './community.ts';
export { DEMO_PEOPLE, VOLTA_RANK_LADDER } from './people.ts';
export { VOLTA_NAME, VOLTA_SIGNATURE, VOLTA_SLUG } from './insert.ts';

/**
 * The moment the mocks' pre-built demo data is seeded at (`scripts/build-demo-data.ts`). Fixed, so
 * the dump is the same on every machine; the mocks move every stored time forward by the distance
 * from it to the current time when they load the dump.
 */
export const DEMO_DATA_TIME = new Date('2026-01-05T10:00:00Z');

export interface SeedOptions {
  /** The moment the demo's relative times count back from; default: the current time. */
  now?: Date;
  /** Called after each written batch. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface SeedSummary {
  communityId: number;
  categories: number;
  members: number;
  threads: number;
  posts: number;
  /** False when the community already existed and nothing was written. */
  created: boolean;
  /** Threads that show the study's examples, for tours, tests and screenshots. */
  examples: {
    /** Example 1 and 2: a beginner asks to change plan, members answer, an advisor confirms and credits them. */
    changePlanThreadId: number | null;
  };
}

async function findCommunity(db: Queryable): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>('select id from communities where slug = $1', [VOLTA_SLUG]);
  return rows[0]?.id;
}

async function summarize(db: Queryable, communityId: number, created: boolean): Promise<SeedSummary> {
  const [counts] = await db.query<{ categories: number; members: number; threads: number; posts: number }>(
    `select (select count(*)::int from categories where community_id = $1) as categories,
            (select count(*)::int from members where community_id = $1) as members,
            (select count(*)::int from threads t join categories c on c.id = t.category_id where c.community_id = $1) as threads,
            (select count(*)::int from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
              where c.community_id = $1) as posts`,
    [communityId],
  );
  const [example] = await db.query<{ id: number }>(
    `select t.id from threads t join categories c on c.id = t.category_id join members m on m.id = t.author_id
     where c.community_id = $1 and c.slug = 'activation-forfait' and m.external_id = 'demo:theo56' and t.title = $2
     order by t.id limit 1`,
    [communityId, CHANGE_PLAN_TITLE],
  );
  return {
    communityId,
    categories: counts?.categories ?? 0,
    members: counts?.members ?? 0,
    threads: counts?.threads ?? 0,
    posts: counts?.posts ?? 0,
    created,
    examples: { changePlanThreadId: example?.id ?? null },
  };
}

/** Creates the Volta Mobile demo community unless it exists; returns what the community holds. */
export async function seedDemoCommunity(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const existing = await findCommunity(db);
  if (existing !== undefined) return summarize(db, existing, false);

  const now = options.now ?? new Date();
  const plan = planCommunity(now);
  const total = writeSteps(plan);
  let done = 0;
  const written = await db.transaction(async (tx) => {
    const result = await writeCommunity(tx, plan, now, (label) => {
      done += 1;
      options.onProgress?.(done, total, label);
    });
    // Each area's demo data, after the threads it decorates (one line per area).
    if (result) await seedInteractions(tx, result.communityId, now);
    if (result) await seedFaq(tx, result.communityId);
    if (result) await seedModeration(tx, result.communityId, now);
    if (result) await seedAdvisor(tx, result.communityId, now);
    if (result) await seedWorkspace(tx, result.communityId, now);
    if (result) await seedReview(tx, result.communityId, now);
    if (result) await seedAdmin(tx, result.communityId, now);
    return result;
  });
  // Null: another process created the community between our check and our insert.
  const communityId = written?.communityId ?? (await findCommunity(db));
  if (communityId === undefined) throw new Error('the demo community could not be created');
  return summarize(db, communityId, written !== null);
}

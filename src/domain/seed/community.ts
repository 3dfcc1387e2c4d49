/**
 * The whole demo community as plain data: members with consistent counters, and threads in
 * time order. Pure and deterministic: the same `now` gives the same community.
 */
import { CATEGORIES, type CategorySeed } from './content.ts';
import { planChangePlanExample } from './example.ts';
import { type Cast, OUTAGE_REGION, type PlannedMember, planMembers, settleHistory } from './people.ts';
import { type PlannedThread, createPlanner, planThread } from './plan.ts';
import { DAY, HOUR, MINUTE, createRng } from './random.ts';
import { COMMERCIAL_TOPICS } from './topics-commercial.ts';
import { TECHNICAL_TOPICS } from './topics-technical.ts';

/** The fixed seed of the demo: change it and the whole community changes. */
export const DEMO_SEED = 0x0b01_7a29;
export const DEMO_THREADS = 240;
const SPAN_DAYS = 120;
const ENGLISH_SHARE = 0.3;
const OUTAGE_THREADS = 4;

export interface CommunityPlan {
  members: PlannedMember[];
  /** Oldest first. */
  threads: PlannedThread[];
  cast: Cast;
  changePlanThread: PlannedThread;
}

const TOPICS = [...COMMERCIAL_TOPICS, ...TECHNICAL_TOPICS];

function category(slug: string): CategorySeed {
  const found = CATEGORIES.find((candidate) => candidate.slug === slug);
  if (!found) throw new Error(`unknown demo category ${slug}`);
  return found;
}

export function planCommunity(now: Date): CommunityPlan {
  const rng = createRng(DEMO_SEED);
  const nowMs = now.getTime();
  const { members, cast } = planMembers(rng, now);
  const planner = createPlanner(members, { technical: cast.technicalAdvisor, commercial: cast.commercialAdvisor });

  const changePlanThread = planChangePlanExample(planner, cast, nowMs);
  const exampleLast = Math.max(...changePlanThread.posts.map((post) => post.createdAt.getTime()));
  const threads: PlannedThread[] = [changePlanThread];

  // A collective problem (study §11): several customers of one region, one network fault, the last day.
  const outage = TOPICS.find((topic) => topic.id === 'outage');
  if (!outage) throw new Error('the outage topic is missing');
  for (let n = 0; n < OUTAGE_THREADS; n += 1) {
    const createdAt = nowMs - (3 + n * 6) * HOUR - rng.int(0, 180) * MINUTE;
    const spec = { category: category('reseau'), topic: outage, locale: 'fr' as const, createdAt, cutoff: nowMs - MINUTE, region: OUTAGE_REGION, city: 'Toulouse' };
    const thread = planThread(rng, planner, spec);
    if (thread) threads.push(thread);
  }

  let attempts = 0;
  while (threads.length < DEMO_THREADS && attempts < DEMO_THREADS * 3) {
    attempts += 1;
    const seed: CategorySeed = rng.weighted(CATEGORIES, (candidate) => candidate.weight) ?? CATEGORIES[0]!;
    const topic = rng.pick(TOPICS.filter((candidate) => candidate.category === seed.slug));
    // The example stays the most recently active thread of its category.
    const cutoff = seed.slug === changePlanThread.category ? exampleLast - MINUTE : nowMs - MINUTE;
    let createdAt = nowMs - 20 * MINUTE - Math.floor((rng.next() ** 1.4 * SPAN_DAYS * DAY) / MINUTE) * MINUTE;
    if (createdAt > cutoff - 10 * MINUTE) createdAt = cutoff - rng.int(30, 600) * MINUTE;
    // Exactly the English share, spread evenly over the attempts.
    const locale = Math.floor(attempts * ENGLISH_SHARE) > Math.floor((attempts - 1) * ENGLISH_SHARE) ? 'en' : 'fr';
    const thread = planThread(rng, planner, { category: seed, topic, locale, createdAt, cutoff });
    if (thread) threads.push(thread);
  }

  settleHistory(rng, members, cast);
  threads.sort((a, b) => (a.posts[0]?.createdAt.getTime() ?? 0) - (b.posts[0]?.createdAt.getTime() ?? 0));
  return { members, threads, cast, changePlanThread };
}

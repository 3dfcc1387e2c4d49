/**
 * Plans the demo threads in memory, before anything is written: who asks, who answers and
 * when, what they write. Members answer first, often within minutes; advisors come after the
 * holdback to confirm and credit them, or at once with a public trace when the account must
 * be opened (study §17–18, §22–23, §27, §32–33).
 */
import { isAdvisor } from '../../core/domain.ts';
import { type PlannedMember, askerWeight, helperWeight, scoreCap } from './people.ts';
import { HOUR, MINUTE, type Rng, fill } from './random.ts';
import {
  ADVISOR_CONFIRM_ONE, ADVISOR_CONFIRM_TWO, ADVISOR_DIRECT, AMOUNTS, CLOSINGS, COMPLEMENTS, COUNTRIES, FAQ_BASE,
  EXCHANGES, OPERATORS, PHONES, PLANS, SAME_PROBLEM, THANKS_AFTER_TRACE, TRACE_OPEN, TRACE_OUTCOME,
  type CategorySeed, type Exchange, type Scope, type SeedLocale, type Topic, linesFor,
} from './content.ts';
import { REGIONS } from './people.ts';

export type PostKind = 'question' | 'reply' | 'trace';

export interface PlannedPost {
  authorIndex: number;
  kind: PostKind;
  bodyMd: string;
  kudos: number;
  createdAt: Date;
}

export interface PlannedThread {
  category: string;
  authorIndex: number;
  title: string;
  locale: SeedLocale;
  needsAccount: boolean;
  posts: PlannedPost[];
  /** Index in `posts` of the accepted community answer. */
  acceptedIndex: number | null;
  /** People who said "same problem here", by posting or with the button. */
  sameProblemCount: number;
}

type SlotKind =
  | 'answer' | 'answer2' | 'followUp' | 'helperReply' | 'complement' | 'sameProblem' | 'closing'
  | 'advisor' | 'traceOpen' | 'traceOutcome' | 'thanks';

interface Slot {
  kind: SlotKind;
  at: number;
  kudos: number;
  accepted: boolean;
  author?: PlannedMember;
}

const ASKER_SLOTS: ReadonlySet<SlotKind> = new Set(['followUp', 'closing', 'thanks']);
const ADVISOR_SLOTS: ReadonlySet<SlotKind> = new Set(['advisor', 'traceOpen', 'traceOutcome']);
const HELPING_SLOTS: ReadonlySet<SlotKind> = new Set(['answer', 'answer2', 'helperReply', 'complement']);

/** What a thread should be about, and when and by whom it starts. */
export interface ThreadSpec {
  category: CategorySeed;
  topic: Topic;
  locale: SeedLocale;
  createdAt: number;
  /** No post of the thread may be later than this. */
  cutoff: number;
  /** Askers (and people saying "same here") come from this region; the town is fixed. */
  region?: string;
  city?: string;
}

export interface Planner {
  members: readonly PlannedMember[];
  advisors: Readonly<Record<'technical' | 'commercial', PlannedMember>>;
  /** Records a post on a member's counters; false (and nothing recorded) if it would lift the member's rank. */
  charge(member: PlannedMember, post: { kudos: number; accepted: boolean; at: number }): boolean;
}

const postCost = (post: { kudos: number; accepted: boolean }): number => 1 + post.kudos * 2 + (post.accepted ? 10 : 0);

export function createPlanner(members: readonly PlannedMember[], advisors: Planner['advisors']): Planner {
  return {
    members,
    advisors,
    charge(member, post) {
      const cost = postCost(post);
      if (member.score + cost > scoreCap(member.level)) return false;
      member.score += cost;
      member.posts += 1;
      member.kudos += post.kudos;
      if (post.accepted) member.accepted += 1;
      const at = new Date(post.at);
      if (!member.lastPostAt || member.lastPostAt < at) member.lastPostAt = at;
      return true;
    },
  };
}

const REPLY_COUNTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14] as const;
const REPLY_WEIGHTS = [3, 4, 6, 8, 10, 11, 12, 11, 10, 8, 6, 4, 3, 3] as const;

function firstDelay(rng: Rng): number {
  const r = rng.next();
  if (r < 0.55) return rng.int(2, 15) * MINUTE;
  if (r < 0.8) return rng.int(15, 90) * MINUTE;
  if (r < 0.93) return rng.int(90, 360) * MINUTE;
  return rng.int(360, 1440) * MINUTE;
}

function nextDelay(rng: Rng): number {
  const r = rng.next();
  if (r < 0.5) return rng.int(3, 30) * MINUTE;
  if (r < 0.85) return rng.int(30, 240) * MINUTE;
  return rng.int(240, 1440) * MINUTE;
}

/** The shape of a thread: kinds of posts and their times, before anyone is chosen to write them. */
function planSlots(rng: Rng, spec: ThreadSpec, needsAccount: boolean): Slot[] {
  const slot = (kind: SlotKind, at: number): Slot => ({ kind, at, kudos: 0, accepted: false });
  const slots: Slot[] = [];
  const t0 = spec.createdAt;
  const indexes = REPLY_COUNTS.map((_count, index) => index);
  const count = REPLY_COUNTS[rng.weighted(indexes, (index) => REPLY_WEIGHTS[index] ?? 0) ?? 5] ?? 5;
  let at = t0;
  const kinds: SlotKind[] = [];
  for (let n = 0; n < count; n += 1) {
    const previous = kinds[kinds.length - 1];
    let kind: SlotKind;
    if (n === 0) kind = 'answer';
    else if (previous === 'followUp') kind = 'helperReply';
    else {
      kind = rng.weighted<SlotKind>(['followUp', 'answer2', 'complement', 'sameProblem'], (k) =>
        k === 'answer2' && kinds.includes('answer2') ? 0 : k === 'followUp' ? 4 : k === 'sameProblem' ? 2 : 3,
      ) ?? 'complement';
    }
    kinds.push(kind);
    at += n === 0 ? firstDelay(rng) : nextDelay(rng);
    slots.push(slot(kind, at));
  }
  if (needsAccount) {
    const open = t0 + rng.int(8, 45) * MINUTE;
    const outcome = open + rng.int(90, 1200) * MINUTE;
    slots.push(slot('traceOpen', open), slot('traceOutcome', outcome), slot('thanks', outcome + rng.int(10, 300) * MINUTE));
  } else {
    if (count >= 2 && rng.chance(0.55)) {
      slots.push(slot('closing', at + rng.int(20, 720) * MINUTE));
      const candidates = slots.filter((s) => s.kind === 'answer' || s.kind === 'answer2');
      const chosen = candidates.length > 1 && rng.chance(0.25) ? candidates[1] : candidates[0];
      if (chosen) chosen.accepted = true;
    }
    if (rng.chance(0.6)) {
      const wait = spec.category.holdbackMinutes + Math.floor(rng.next() ** 2 * 420) + 5;
      slots.push(slot('advisor', t0 + wait * MINUTE));
    }
  }
  const kept = slots.filter((s) => s.at < spec.cutoff).sort((a, b) => a.at - b.at);
  // A solution needs both the answer and the asker's thanks to have happened already.
  if (!kept.some((s) => s.kind === 'closing')) kept.forEach((s) => (s.accepted = false));
  for (const s of kept) {
    if (s.accepted) s.kudos = rng.int(2, 6);
    else if (HELPING_SLOTS.has(s.kind)) s.kudos = rng.chance(0.45) ? rng.int(1, 3) : 0;
    else if (s.kind === 'advisor') s.kudos = rng.int(0, 2);
  }
  return kept;
}

function pickMember(
  rng: Rng, planner: Planner, slot: Slot, weight: (member: PlannedMember) => number,
): PlannedMember | undefined {
  const cost = postCost(slot);
  return rng.weighted(planner.members, (member) =>
    member.joinedAt.getTime() < slot.at - HOUR && member.score + cost <= scoreCap(member.level) ? weight(member) : 0,
  );
}

function pickCountry(rng: Rng, topic: Topic): (typeof COUNTRIES)[number] {
  const pool = topic.id === 'eu-roaming' ? COUNTRIES.filter((c) => c.eu) : topic.id === 'outside-eu' ? COUNTRIES.filter((c) => !c.eu) : COUNTRIES;
  return rng.pick(pool);
}

/** Plans one thread and charges its posts to its authors; undefined when nobody may ask it. */
export function planThread(rng: Rng, planner: Planner, spec: ThreadSpec): PlannedThread | undefined {
  const { topic, locale } = spec;
  const text = topic[locale];
  const needsAccount = rng.chance(topic.account ?? 0);
  const slots = planSlots(rng, spec, needsAccount);
  const askerPosts = 1 + slots.filter((s) => ASKER_SLOTS.has(s.kind)).length;
  const english = locale === 'en';
  const asker = rng.weighted(planner.members, (member) => {
    if (member.joinedAt.getTime() > spec.createdAt - HOUR) return 0;
    if (member.score + askerPosts > scoreCap(member.level)) return 0;
    if (spec.region && member.region !== spec.region) return 0;
    const language = member.english === english ? 1 : english ? 0.15 : 0.25;
    return (askerWeight(member) * language) / (1 + member.posts);
  });
  if (!asker) return undefined;

  const inThread = new Set<PlannedMember>([asker]);
  let firstHelper: PlannedMember | undefined;
  const languageFit = (member: PlannedMember): number => (member.english === english ? 1 : english ? 0.35 : 0.5);
  const newHelper = (slot: Slot): PlannedMember | undefined =>
    pickMember(rng, planner, slot, (m) => (inThread.has(m) ? 0 : helperWeight(m) * languageFit(m)));
  const kept: Slot[] = [];
  let closing: Slot | undefined;
  for (const slot of slots) {
    let author: PlannedMember | undefined;
    if (slot.kind === 'closing') {
      closing = slot;
      continue;
    }
    const answersSomeone = slot.kind === 'followUp' || slot.kind === 'helperReply' || slot.kind === 'complement';
    if (answersSomeone && !firstHelper) continue;
    if (ASKER_SLOTS.has(slot.kind)) author = asker;
    else if (ADVISOR_SLOTS.has(slot.kind)) {
      const team = rng.chance(0.85) ? spec.category.team : spec.category.team === 'technical' ? 'commercial' : 'technical';
      author = planner.advisors[team];
    } else if (slot.kind === 'sameProblem') {
      author = pickMember(rng, planner, slot, (m) =>
        inThread.has(m) || m.reserved || isAdvisor(m.role) || m.level > 5 ? 0 : (spec.region && m.region === spec.region ? 20 : 1) * languageFit(m));
    } else if (slot.kind === 'helperReply' && firstHelper && firstHelper.score + postCost(slot) <= scoreCap(firstHelper.level)) {
      author = firstHelper;
    } else author = newHelper(slot);
    if (!author || !planner.charge(author, slot)) continue;
    slot.author = author;
    inThread.add(author);
    if (slot.kind === 'answer') firstHelper = author;
    kept.push(slot);
  }
  // The thanks (and so the solution) only exists if the answer it thanks was written.
  const candidate = closing ? kept.find((s) => s.accepted) : undefined;
  const solved = candidate !== undefined && closing !== undefined && planner.charge(asker, closing);
  if (solved && closing) {
    closing.author = asker;
    kept.push(closing);
  }
  const accepted = solved ? candidate : undefined;
  const slotsToWrite = kept.sort((a, b) => a.at - b.at);

  const region = spec.region ?? asker.region;
  const cities = REGIONS[region] ?? ['Paris'];
  const planIndex = rng.int(0, PLANS.length - 2);
  const country = pickCountry(rng, topic);
  const vars: Record<string, string> = {
    asker: asker.pseudonym,
    phone: rng.pick(PHONES),
    city: spec.city ?? rng.pick(cities),
    region,
    plan: PLANS[planIndex] ?? PLANS[0],
    plan2: PLANS[rng.int(planIndex + 1, PLANS.length - 1)] ?? PLANS[1],
    amount: rng.pick(AMOUNTS),
    country: english ? country.en : country.fr,
    operator: rng.pick(OPERATORS),
    days: String(rng.int(2, 14)),
    faq: FAQ_BASE + topic.faq,
    faqTitle: text.faqTitle,
  };
  const note = text.note ? fill(text.note, vars) : '';
  const helpersBefore = (at: number): PlannedMember[] => [
    ...new Set(slotsToWrite.filter((s) => HELPING_SLOTS.has(s.kind) && s.at < at && s.author).map((s) => s.author as PlannedMember)),
  ];
  // Titles and answers are written for a question: title i and answer i go with question i (modulo).
  const questionIndex = rng.int(0, text.questions.length - 1);
  let answerIndex = questionIndex;
  const scopes: Scope[] = ['any', spec.category.team, ...(spec.category.slug === 'reseau' ? (['network'] as const) : [])];
  const used = new Set<unknown>();
  /** A line not yet used in this thread, when there is one. */
  const fresh = <T>(lines: readonly T[]): T => {
    const unused = lines.filter((line) => !used.has(line));
    const line = rng.pick(unused.length > 0 ? unused : lines);
    used.add(line);
    return line;
  };
  let exchange: Exchange | undefined;
  const body = (slot: Slot): string => {
    const helper = (firstHelper ?? asker).pseudonym;
    const with_ = (template: string, extra: Record<string, string> = {}): string => fill(template, { ...vars, helper, ...extra });
    switch (slot.kind) {
      case 'answer':
      case 'answer2': {
        const answer = text.answers[answerIndex % text.answers.length] as string;
        answerIndex += 1;
        return with_(answer);
      }
      case 'followUp':
        exchange = fresh(linesFor(EXCHANGES, locale, scopes));
        return with_(exchange.ask);
      case 'helperReply': return with_((exchange ?? fresh(linesFor(EXCHANGES, locale, scopes))).reply);
      case 'complement': return with_(fresh(linesFor(COMPLEMENTS, locale, scopes)));
      case 'sameProblem': return with_(fresh(linesFor(SAME_PROBLEM, locale, scopes)));
      case 'closing': return with_(rng.pick(CLOSINGS[locale]), { helper: accepted?.author?.pseudonym ?? helper });
      case 'traceOpen': return with_(rng.pick(TRACE_OPEN[locale]));
      case 'traceOutcome': return with_(rng.pick(TRACE_OUTCOME[locale]), { outcome: text.outcome ? fill(text.outcome, vars) : '' });
      case 'thanks': return with_(rng.pick(THANKS_AFTER_TRACE[locale]));
      case 'advisor': {
        const [h1, h2] = helpersBefore(slot.at);
        if (h1 && h2) return with_(rng.pick(ADVISOR_CONFIRM_TWO[locale]), { h1: h1.pseudonym, h2: h2.pseudonym, note });
        if (h1) return with_(rng.pick(ADVISOR_CONFIRM_ONE[locale]), { h1: h1.pseudonym, note });
        return with_(rng.pick(ADVISOR_DIRECT[locale]), { note });
      }
    }
  };

  const question = fill(text.questions[questionIndex] as string, vars);
  const posts: PlannedPost[] = [
    { authorIndex: asker.index, kind: 'question', bodyMd: question, kudos: 0, createdAt: new Date(spec.createdAt) },
    ...slotsToWrite.map((slot): PlannedPost => ({
      authorIndex: (slot.author as PlannedMember).index,
      kind: slot.kind === 'traceOpen' || slot.kind === 'traceOutcome' ? 'trace' : 'reply',
      bodyMd: body(slot),
      kudos: slot.kudos,
      createdAt: new Date(slot.at),
    })),
  ];
  // The asker's question is charged last: it never fails, since the slots counted it.
  planner.charge(asker, { kudos: 0, accepted: false, at: spec.createdAt });
  const acceptedIndex = accepted ? slotsToWrite.indexOf(accepted) + 1 : null;
  const sameProblemCount = slotsToWrite.filter((s) => s.kind === 'sameProblem').length + (spec.region ? rng.int(4, 12) : rng.int(0, 2));
  const title = fill(rng.pick(text.titles.filter((_title, index) => index % text.questions.length === questionIndex)), vars);
  return { category: spec.category.slug, authorIndex: asker.index, title, locale, needsAccount, posts, acceptedIndex, sameProblemCount };
}

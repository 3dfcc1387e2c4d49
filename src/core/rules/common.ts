/**
 * What every subject's rules share: the signed-in actor, the facts rules are asked about, and
 * `can`, which asks one rule for one actor.
 */
import { hasModeratorPowers, isAdvisor as isAdvisorRole, isStaff, type Actor, type ThreadStatus } from '../domain.ts';

export type SignedIn = Extract<Actor, { memberId: number }>;

export function isSignedIn(actor: Actor): actor is SignedIn {
  return actor.role !== 'guest';
}

export interface ThreadState {
  status: ThreadStatus;
  /** Set once the thread was merged into another (absent or null otherwise). */
  mergedIntoId?: number | null;
}

/**
 * A merged thread only points at the thread it was merged into: nothing is written to it any
 * more (replies, confirmations, traces, solutions, same-problem marks), or its counters and its
 * category's would count posts no listed thread holds. The reason to give is `mergedThreadProblem`.
 */
export function isMerged(thread: Pick<ThreadState, 'mergedIntoId'>): boolean {
  return thread.mergedIntoId !== undefined && thread.mergedIntoId !== null;
}

export interface PostFacts {
  authorId: number;
  hidden?: boolean;
  /** Set (the contract's `deleted`, the row's deletion time) when it is a tombstone: deleted by its author or staff. */
  deleted?: unknown;
}

export interface ThreadFacts {
  authorId: number;
  status: ThreadStatus;
}

export interface DraftFacts {
  authorId: number;
  /** Colleagues the draft is shared with. */
  sharedWith: readonly number[];
  posted: boolean;
}

export interface PrivateFacts {
  askerId: number;
  status: 'open' | 'closed';
}

/** A rule: whether a signed-in actor may, given the facts after the actor (guests never may). */
export type Rules = Record<string, (actor: SignedIn, ...facts: never[]) => boolean>;

export const isAdvisor = (actor: SignedIn): boolean => isAdvisorRole(actor.role);
export const isModerator = (actor: SignedIn): boolean => hasModeratorPowers(actor.role);
export const isAdmin = (actor: SignedIn): boolean => actor.role === 'admin';
export const isStaffActor = (actor: SignedIn): boolean => isStaff(actor.role);
/** Archived threads are frozen; closed ones may still be tidied up by staff. */
export const isFrozen = (status: ThreadStatus): boolean => status === 'archived';

type FactsOf<R> = R extends (actor: SignedIn, ...facts: infer F) => boolean ? F : never;

/** `canX(…facts)` for every rule `x` of a subject (the guardian's names). */
export type Can<S> = { [K in keyof S & string as `can${Capitalize<K>}`]: (...facts: FactsOf<S[K]>) => boolean };

export const capitalized = (name: string): string => name[0]!.toUpperCase() + name.slice(1);

/**
 * Whether `actor` may, by one of the guardian's rules: `can(actor, threadRules.reply, thread)`.
 * A guest may nothing. Elements ask this way, so a page's bundle carries only the rules it asks.
 */
export function can<F extends unknown[]>(actor: Actor, rule: (actor: SignedIn, ...facts: F) => boolean, ...facts: F): boolean {
  return isSignedIn(actor) && rule(actor, ...facts);
}

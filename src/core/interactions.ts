/**
 * Rules of the interactions between members and advisors on a thread (study §22, §32–33):
 * kudos, accepted solutions, "same problem here" marks, advisor confirmations that credit
 * community answers, and the advisor signature. Pure: the server loads rows, these decide.
 */
import type { Actor, PostKind, Role, ThreadStatus } from './domain.ts';
import { isSignedIn, type PostFacts } from './rules/common.ts';

/** Archived threads are frozen; closed ones may still be tidied up by staff. */
const isFrozen = (status: ThreadStatus): boolean => status === 'archived';

/** Staff changing someone else's words says why: the audit log keeps it with before and after. */
export function needsEditReason(actor: Actor, post: PostFacts): boolean {
  return isSignedIn(actor) && actor.memberId !== post.authorId;
}

/**
 * Why a post cannot be deleted, whoever asks (a 409): a question opens its thread (deleting a
 * thread is another matter), and a deleted post is deleted once. Undefined when it can be.
 */
export function deletionProblem(post: { kind: string; deleted?: unknown }): string | undefined {
  if (post.kind === 'question') return 'A question opens its thread: it cannot be deleted, only edited.';
  if (post.deleted) return 'This post is already deleted.';
  return undefined;
}

/** A thread whose solution is accepted is solved; frozen threads do not change. */
export function statusAfterAccept(status: ThreadStatus): ThreadStatus | undefined {
  return isFrozen(status) ? undefined : status === 'closed' ? 'closed' : 'solved';
}

/** Withdrawing the solution leaves the thread answered (it has replies) or open. */
export function statusAfterUnaccept(status: ThreadStatus, replyCount: number): ThreadStatus | undefined {
  if (isFrozen(status)) return undefined;
  if (status !== 'solved') return status;
  return replyCount > 0 ? 'answered' : 'open';
}

/**
 * The status of a thread after one of its replies was deleted (and, were it the solution, the
 * solution withdrawn: `statusAfterUnaccept` first): answered because of a reply by someone other
 * than the asker, as posting makes it, it is open again once no such reply is left. A reply by
 * the asker never made it answered; solved, closed and archived threads are not changed here.
 * Undefined when the status stays.
 */
export function statusAfterDeletion(thread: { status: ThreadStatus; answersLeft: number }, byAsker: boolean): ThreadStatus | undefined {
  return !byAsker && thread.status === 'answered' && thread.answersLeft === 0 ? 'open' : undefined;
}

/** What the server knows about a post a solution or a confirmation points at. */
export interface CandidatePost {
  id: number;
  threadId: number;
  kind: PostKind;
  authorId: number;
  authorRole: Role;
  hidden: boolean;
}

/** Why `post` cannot be the accepted solution of `thread` (undefined when it can). */
export function solutionProblem(thread: { id: number; authorId: number }, post: CandidatePost | undefined): string | undefined {
  if (!post || post.threadId !== thread.id || post.hidden) return 'The solution must be a visible post of this thread.';
  if (post.kind !== 'reply') return 'Only a reply can be the solution.';
  if (post.authorId === thread.authorId) return "The asker's own reply cannot be the accepted solution.";
  return undefined;
}

export interface ConfirmationInput {
  threadId: number;
  advisorId: number;
  citedPostIds: readonly number[];
  /** The posts found for `citedPostIds` (any thread). */
  citedPosts: readonly CandidatePost[];
  assistedByIds: readonly number[];
  /** Roles of the members found for `assistedByIds`. */
  assistants: readonly { id: number; role: Role }[];
  faqArticleIds: readonly number[];
  /** Ids among `faqArticleIds` that exist in the community. */
  knownFaqArticleIds: readonly number[];
}

export interface ConfirmationProblem {
  path: string;
  message: string;
}

/**
 * Checks a confirmation: it cites at least one visible community reply of the same thread
 * (never the advisor's own, nor another advisor's: colleagues are credited as "assisted by"),
 * credits only other advisors as assistants, and links only existing FAQ articles.
 */
export function confirmationProblems(input: ConfirmationInput): ConfirmationProblem[] {
  const problems: ConfirmationProblem[] = [];
  if (input.citedPostIds.length === 0) problems.push({ path: '/citedPostIds', message: 'cite at least one community reply' });
  const posts = new Map(input.citedPosts.map((post) => [post.id, post]));
  for (const id of new Set(input.citedPostIds)) {
    const post = posts.get(id);
    if (!post || post.threadId !== input.threadId || post.hidden) problems.push({ path: '/citedPostIds', message: `post ${id} is not a visible post of this thread` });
    else if (post.kind !== 'reply') problems.push({ path: '/citedPostIds', message: `post ${id} is not a reply` });
    else if (post.authorId === input.advisorId) problems.push({ path: '/citedPostIds', message: `post ${id} is your own` });
    else if (post.authorRole === 'advisor') problems.push({ path: '/citedPostIds', message: `post ${id} is an advisor's: credit colleagues with assistedByIds` });
  }
  const roles = new Map(input.assistants.map((member) => [member.id, member.role]));
  for (const id of new Set(input.assistedByIds)) {
    if (id === input.advisorId) problems.push({ path: '/assistedByIds', message: 'you cannot credit yourself' });
    else if (roles.get(id) !== 'advisor') problems.push({ path: '/assistedByIds', message: `member ${id} is not an advisor` });
  }
  const known = new Set(input.knownFaqArticleIds);
  for (const id of new Set(input.faqArticleIds)) {
    if (!known.has(id)) problems.push({ path: '/faqArticleIds', message: `FAQ article ${id} does not exist` });
  }
  return problems;
}

/** The members a confirmation credits: each cited author once, however many of their posts are cited. */
export function creditedMembers(citedPosts: readonly CandidatePost[], citedPostIds: readonly number[]): number[] {
  const wanted = new Set(citedPostIds);
  return [...new Set(citedPosts.filter((post) => wanted.has(post.id)).map((post) => post.authorId))];
}

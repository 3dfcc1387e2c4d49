import type { Http, RequestOptions } from '../http.ts';
import { acceptSolution, giveKudos, markSameProblem, takeBackKudos, unmarkSameProblem, withdrawSolution } from '../routes/index.ts';

/** Kudos on posts. */
export const kudosResource = (http: Http) => ({
  /** Thanks the author of someone else's post (once per post). */
  give: (postId: number, request: RequestOptions = {}) => http.call(giveKudos, { params: { postId } }, request),
  /** Takes back the kudos you gave. */
  takeBack: (postId: number, request: RequestOptions = {}) => http.call(takeBackKudos, { params: { postId } }, request),
});

/** Accepted solutions and "same problem here" on a thread (advisor confirmations: ./advisor-writes.ts). */
export const interactionsResource = (http: Http) => ({
  /** Accepts a reply as the solution (asker, advisor or moderator). */
  acceptSolution: (threadId: number, postId: number, request: RequestOptions = {}) =>
    http.call(acceptSolution, { params: { threadId }, body: { postId } }, request),
  /** Withdraws the accepted solution. */
  withdrawSolution: (threadId: number, request: RequestOptions = {}) => http.call(withdrawSolution, { params: { threadId } }, request),
  /** "Same problem here": adds the signed-in member to the thread instead of a duplicate question. */
  markSameProblem: (threadId: number, request: RequestOptions = {}) => http.call(markSameProblem, { params: { threadId } }, request),
  unmarkSameProblem: (threadId: number, request: RequestOptions = {}) => http.call(unmarkSameProblem, { params: { threadId } }, request),
});

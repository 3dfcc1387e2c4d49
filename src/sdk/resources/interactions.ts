import type { KudosState, SameProblemState, ThreadState } from '../../contract/areas/interactions.ts';
import type { Http, RequestOptions } from '../http.ts';

/** Kudos on posts. */
export const kudosResource = (http: Http) => ({
  /** Thanks the author of someone else's post (once per post). */
  give: (postId: number, request: RequestOptions = {}) =>
    http.request<KudosState>({ method: 'POST', path: `/posts/${postId}/kudos`, ...request }),
  /** Takes back the kudos you gave. */
  takeBack: (postId: number, request: RequestOptions = {}) =>
    http.request<KudosState>({ method: 'DELETE', path: `/posts/${postId}/kudos`, ...request }),
});

/** Accepted solutions and "same problem here" on a thread (advisor confirmations: ./advisor-writes.ts). */
export const interactionsResource = (http: Http) => ({
  /** Accepts a reply as the solution (asker, advisor or moderator). */
  acceptSolution: (threadId: number, postId: number, request: RequestOptions = {}) =>
    http.request<ThreadState>({ method: 'POST', path: `/threads/${threadId}/solution`, body: { postId }, ...request }),
  /** Withdraws the accepted solution. */
  withdrawSolution: (threadId: number, request: RequestOptions = {}) =>
    http.request<ThreadState>({ method: 'DELETE', path: `/threads/${threadId}/solution`, ...request }),
  /** "Same problem here": adds the signed-in member to the thread instead of a duplicate question. */
  markSameProblem: (threadId: number, request: RequestOptions = {}) =>
    http.request<SameProblemState>({ method: 'POST', path: `/threads/${threadId}/same-problem`, ...request }),
  unmarkSameProblem: (threadId: number, request: RequestOptions = {}) =>
    http.request<SameProblemState>({ method: 'DELETE', path: `/threads/${threadId}/same-problem`, ...request }),
});

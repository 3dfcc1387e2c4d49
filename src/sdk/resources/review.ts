/**
 * Colleague review, quality review and hand-offs in the SDK: shared drafts (`drafts`), the
 * managers' monthly sample and rubrics (`qualityReview`), back-office cases (`handoffs`).
 */
import type {
  Draft, DraftChanges, DraftList, HandoffList, HandoffWithTrace, NewDraft, NewHandoff, PostDraft, PostedDraft, ReviewSample, Rubric, RubricInput,
} from '../../contract/areas/review.ts';
import type { Http, RequestOptions } from '../http.ts';

/** Draft replies an advisor checks with colleagues before writing in public (advisors only). */
export const draftsResource = (http: Http) => ({
  /** My drafts (`mine`, default) or those colleagues shared with me (`shared`), latest change first. */
  list: (query: { scope?: 'mine' | 'shared' } = {}, request: RequestOptions = {}) =>
    http.request<DraftList>({ method: 'GET', path: '/agent/drafts', query, ...request }),
  get: (draftId: number, request: RequestOptions = {}) => http.request<Draft>({ method: 'GET', path: `/agent/drafts/${draftId}`, ...request }),
  create: (input: NewDraft, request: RequestOptions = {}) => http.request<Draft>({ method: 'POST', path: '/agent/drafts', body: input, ...request }),
  /** Changes the draft (its author); colleagues' approvals are cleared. */
  update: (draftId: number, changes: DraftChanges, request: RequestOptions = {}) =>
    http.request<Draft>({ method: 'PATCH', path: `/agent/drafts/${draftId}`, body: changes, ...request }),
  share: (draftId: number, colleagueIds: number[], request: RequestOptions = {}) =>
    http.request<Draft>({ method: 'POST', path: `/agent/drafts/${draftId}/shares`, body: { colleagueIds }, ...request }),
  comment: (draftId: number, body: string, request: RequestOptions = {}) =>
    http.request<Draft>({ method: 'POST', path: `/agent/drafts/${draftId}/comments`, body: { body }, ...request }),
  /** Approves the current wording (a colleague it is shared with). */
  approve: (draftId: number, request: RequestOptions = {}) =>
    http.request<Draft>({ method: 'POST', path: `/agent/drafts/${draftId}/approval`, body: {}, ...request }),
  /** Publishes the draft (once; 409 after); `creditApprovers` credits approving colleagues as "assisted by". */
  post: (draftId: number, input: PostDraft = {}, request: RequestOptions = {}) =>
    http.request<PostedDraft>({ method: 'POST', path: `/agent/drafts/${draftId}/post`, body: input, ...request }),
});

/** The managers' monthly quality review (moderators). */
export const qualityReviewResource = (http: Http) => ({
  /** A few posts per advisor for `month` (`YYYY-MM`), the same on every call, with their saved rubrics. */
  sample: (month: string, request: RequestOptions = {}) =>
    http.request<ReviewSample>({ method: 'GET', path: '/agent/review-sample', query: { month }, ...request }),
  saveRubric: (postId: number, rubric: RubricInput, request: RequestOptions = {}) =>
    http.request<Rubric>({ method: 'PUT', path: `/agent/review-sample/${postId}/rubric`, body: rubric, ...request }),
});

/** Hand-offs of a thread to the brand's back office (create: advisors; list: staff). */
export const handoffsResource = (http: Http) => ({
  create: (threadId: number, input: NewHandoff, request: RequestOptions = {}) =>
    http.request<HandoffWithTrace>({ method: 'POST', path: `/threads/${threadId}/handoffs`, body: input, ...request }),
  list: (threadId: number, request: RequestOptions = {}) =>
    http.request<HandoffList>({ method: 'GET', path: `/threads/${threadId}/handoffs`, ...request }),
});

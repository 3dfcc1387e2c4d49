/**
 * Colleague review, quality review and hand-offs in the SDK: shared drafts (`drafts`), the
 * managers' monthly sample and rubrics (`qualityReview`), back-office cases (`handoffs`).
 */
import type { DraftChanges, NewDraft, NewHandoff, PostDraft, RubricInput } from '../../contract/areas/review.ts';
import type { Http, RequestOptions } from '../http.ts';
import {
  approveDraft, commentDraft, createDraft, createHandoff, getDraft, getReviewSample, listDrafts, listHandoffs, postDraft, saveRubric, shareDraft, updateDraft,
} from '../routes/index.ts';

/** Draft replies an advisor checks with colleagues before writing in public (advisors only). */
export const draftsResource = (http: Http) => ({
  /** My drafts (`mine`, default) or those colleagues shared with me (`shared`), latest change first. */
  list: (query: { scope?: 'mine' | 'shared' } = {}, request: RequestOptions = {}) => http.call(listDrafts, { query }, request),
  get: (draftId: number, request: RequestOptions = {}) => http.call(getDraft, { params: { draftId } }, request),
  create: (input: NewDraft, request: RequestOptions = {}) => http.call(createDraft, { body: input }, request),
  /** Changes the draft (its author); colleagues' approvals are cleared. */
  update: (draftId: number, changes: DraftChanges, request: RequestOptions = {}) =>
    http.call(updateDraft, { params: { draftId }, body: changes }, request),
  share: (draftId: number, colleagueIds: number[], request: RequestOptions = {}) =>
    http.call(shareDraft, { params: { draftId }, body: { colleagueIds } }, request),
  comment: (draftId: number, body: string, request: RequestOptions = {}) => http.call(commentDraft, { params: { draftId }, body: { body } }, request),
  /** Approves the current wording (a colleague it is shared with). */
  approve: (draftId: number, request: RequestOptions = {}) => http.call(approveDraft, { params: { draftId } }, request),
  /** Publishes the draft (once; 409 after); `creditApprovers` credits approving colleagues as "assisted by". */
  post: (draftId: number, input: PostDraft = {}, request: RequestOptions = {}) => http.call(postDraft, { params: { draftId }, body: input }, request),
});

/** The managers' monthly quality review (moderators). */
export const qualityReviewResource = (http: Http) => ({
  /** A few posts per advisor for `month` (`YYYY-MM`), the same on every call, with their saved rubrics. */
  sample: (month: string, request: RequestOptions = {}) => http.call(getReviewSample, { query: { month } }, request),
  saveRubric: (postId: number, rubric: RubricInput, request: RequestOptions = {}) => http.call(saveRubric, { params: { postId }, body: rubric }, request),
});

/** Hand-offs of a thread to the brand's back office (create: advisors; list: staff). */
export const handoffsResource = (http: Http) => ({
  create: (threadId: number, input: NewHandoff, request: RequestOptions = {}) =>
    http.call(createHandoff, { params: { threadId }, body: input }, request),
  list: (threadId: number, request: RequestOptions = {}) => http.call(listHandoffs, { params: { threadId } }, request),
});

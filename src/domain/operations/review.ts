/** The "review" area (see src/contract/areas/review.ts): every call needs a signed-in member; the services check the role. */
import { createHandoff, listHandoffs } from '../services/handoffs.ts';
import { reviewSample, saveRubric } from '../services/quality.ts';
import { approveDraft, commentDraft, createDraft, getDraft, listDrafts, postDraft, shareDraft, updateDraft } from '../services/review.ts';
import type { Operations } from './operation.ts';

type Names = 'createDraft' | 'listDrafts' | 'getDraft' | 'updateDraft' | 'shareDraft' | 'commentDraft' | 'approveDraft' | 'postDraft'
  | 'getReviewSample' | 'saveRubric' | 'createHandoff' | 'listHandoffs';

export const reviewOperations: Operations<Names> = {
  createDraft: { run: (ctx, { actor, body }) => createDraft(ctx, { actor, body }) },
  listDrafts: { run: (ctx, { actor, query }) => listDrafts(ctx, { actor, scope: query.scope }) },
  getDraft: { run: (ctx, { actor, params }) => getDraft(ctx, { actor, draftId: params.draftId }) },
  updateDraft: { run: (ctx, { actor, params, body }) => updateDraft(ctx, { actor, draftId: params.draftId, body }) },
  shareDraft: { run: (ctx, { actor, params, body }) => shareDraft(ctx, { actor, draftId: params.draftId, body }) },
  commentDraft: { run: (ctx, { actor, params, body }) => commentDraft(ctx, { actor, draftId: params.draftId, body }) },
  approveDraft: { run: (ctx, { actor, params }) => approveDraft(ctx, { actor, draftId: params.draftId }) },
  postDraft: { run: (ctx, { actor, params, body }) => postDraft(ctx, { actor, draftId: params.draftId, body: body ?? {} }) },
  getReviewSample: { run: (ctx, { actor, query }) => reviewSample(ctx, { actor, month: query.month }) },
  saveRubric: { run: (ctx, { actor, params, body }) => saveRubric(ctx, { actor, postId: params.postId, body }) },
  createHandoff: { run: (ctx, { actor, params, body }) => createHandoff(ctx, { actor, threadId: params.threadId, body }) },
  listHandoffs: { run: (ctx, { actor, params }) => listHandoffs(ctx, { actor, threadId: params.threadId }) },
};

/** The "review" area (see src/contract/areas/review.ts): every call needs a signed-in member; the services check the role. */
import { createHandoff, listHandoffs } from '../services/handoffs.ts';
import { reviewSample, saveRubric } from '../services/quality.ts';
import { approveDraft, commentDraft, createDraft, getDraft, listDrafts, postDraft, shareDraft, updateDraft } from '../services/review.ts';
import type { Operations } from './operation.ts';

type Names = 'createDraft' | 'listDrafts' | 'getDraft' | 'updateDraft' | 'shareDraft' | 'commentDraft' | 'approveDraft' | 'postDraft'
  | 'getReviewSample' | 'saveRubric' | 'createHandoff' | 'listHandoffs';

export const reviewOperations: Operations<Names> = {
  createDraft: { run: ({ db, community }, { actor, body }) => createDraft(db, community, actor, body) },
  listDrafts: { run: ({ db, community }, { actor, query }) => listDrafts(db, community, actor, query.scope) },
  getDraft: { run: ({ db, community }, { actor, params }) => getDraft(db, community, actor, params.draftId) },
  updateDraft: { run: ({ db, community }, { actor, params, body }) => updateDraft(db, community, actor, params.draftId, body) },
  shareDraft: { run: ({ db, community }, { actor, params, body }) => shareDraft(db, community, actor, params.draftId, body) },
  commentDraft: { run: ({ db, community }, { actor, params, body }) => commentDraft(db, community, actor, params.draftId, body) },
  approveDraft: { run: ({ db, community }, { actor, params }) => approveDraft(db, community, actor, params.draftId) },
  postDraft: { run: (ctx, { actor, params, body }) => postDraft(ctx.db, ctx.community, actor, params.draftId, body ?? {}, ctx.postIntervals) },
  getReviewSample: { run: ({ db, community }, { actor, query }) => reviewSample(db, community, actor, query.month) },
  saveRubric: { run: ({ db, community }, { actor, params, body }) => saveRubric(db, community, actor, params.postId, body) },
  createHandoff: { run: (ctx, { actor, params, body }) => createHandoff(ctx.db, ctx.community, ctx.handoff, actor, params.threadId, body) },
  listHandoffs: { run: ({ db, community }, { actor, params }) => listHandoffs(db, community, actor, params.threadId) },
};

/** The "interactions" area (see src/contract/areas/interactions.ts): every call needs a signed-in member. */
import {
  acceptSolution, confirmAnswers, editPost, giveKudos, markSameProblem, takeBackKudos, unmarkSameProblem, updateSignature, withdrawSolution,
} from '../services/interactions.ts';
import { deletePost } from '../services/deletion.ts';
import { asWrittenBy, readPost } from '../services/reading.ts';
import { listPostRevisions } from '../services/revisions.ts';
import type { Operations } from './operation.ts';

type Names = 'getPost' | 'giveKudos' | 'takeBackKudos' | 'acceptSolution' | 'withdrawSolution' | 'markSameProblem' | 'unmarkSameProblem' | 'confirmAnswers' | 'editPost' | 'listPostRevisions' | 'deletePost' | 'updateSignature';

/** A member deletes their own post with a bare DELETE: no body means `{}`. */
export const interactionsBareBodies: ReadonlySet<string> = new Set<Names>(['deletePost']);

export const interactionsOperations: Operations<Names> = {
  getPost: { public: true, run: (ctx, { actor, params }) => readPost(ctx, { actor, postId: params.postId }) },
  giveKudos: { run: (ctx, { actor, params }) => giveKudos(ctx, { actor, postId: params.postId }) },
  takeBackKudos: { run: (ctx, { actor, params }) => takeBackKudos(ctx, { actor, postId: params.postId }) },
  acceptSolution: { run: (ctx, { actor, params, body }) => acceptSolution(ctx, { actor, threadId: params.threadId, postId: body.postId }) },
  withdrawSolution: { run: (ctx, { actor, params }) => withdrawSolution(ctx, { actor, threadId: params.threadId }) },
  markSameProblem: { run: (ctx, { actor, params }) => markSameProblem(ctx, { actor, threadId: params.threadId }) },
  unmarkSameProblem: { run: (ctx, { actor, params }) => unmarkSameProblem(ctx, { actor, threadId: params.threadId }) },
  confirmAnswers: { run: async (ctx, { actor, params, body }) => asWrittenBy(ctx.db, actor, await confirmAnswers(ctx, { actor, threadId: params.threadId, body })) },
  editPost: { run: (ctx, { actor, params, body }) => editPost(ctx, { actor, postId: params.postId, body }) },
  listPostRevisions: { run: (ctx, { actor, params }) => listPostRevisions(ctx, { actor, postId: params.postId }) },
  deletePost: { run: (ctx, { actor, params, body }) => deletePost(ctx, { actor, postId: params.postId, body }) },
  updateSignature: { run: (ctx, { actor, body }) => updateSignature(ctx, { actor, text: body.text, ...(body.locale && { locale: body.locale }) }) },
};

/** The "interactions" area (see src/contract/areas/interactions.ts): every call needs a signed-in member. */
import {
  acceptSolution, confirmAnswers, editPost, giveKudos, markSameProblem, takeBackKudos, unmarkSameProblem, updateSignature, withdrawSolution,
} from '../services/interactions.ts';
import { deletePost } from '../services/deletion.ts';
import type { Operations } from './operation.ts';

type Names = 'giveKudos' | 'takeBackKudos' | 'acceptSolution' | 'withdrawSolution' | 'markSameProblem' | 'unmarkSameProblem' | 'confirmAnswers' | 'editPost' | 'deletePost' | 'updateSignature';

/** A member deletes their own post with a bare DELETE: no body means `{}`. */
export const interactionsBareBodies: ReadonlySet<string> = new Set<Names>(['deletePost']);

export const interactionsOperations: Operations<Names> = {
  giveKudos: { run: ({ db, community }, { actor, params }) => giveKudos(db, community, actor, params.postId) },
  takeBackKudos: { run: ({ db, community }, { actor, params }) => takeBackKudos(db, community, actor, params.postId) },
  acceptSolution: { run: ({ db, community }, { actor, params, body }) => acceptSolution(db, community, actor, params.threadId, body.postId) },
  withdrawSolution: { run: ({ db, community }, { actor, params }) => withdrawSolution(db, community, actor, params.threadId) },
  markSameProblem: { run: ({ db, community }, { actor, params }) => markSameProblem(db, community, actor, params.threadId) },
  unmarkSameProblem: { run: ({ db, community }, { actor, params }) => unmarkSameProblem(db, community, actor, params.threadId) },
  confirmAnswers: { run: ({ db, community }, { actor, params, body }) => confirmAnswers(db, community, actor, params.threadId, body) },
  editPost: { run: ({ db, community }, { actor, params, body }) => editPost(db, community, actor, params.postId, body) },
  deletePost: { run: ({ db, community }, { actor, params, body }) => deletePost(db, community, actor, params.postId, body) },
  updateSignature: { run: ({ db, community }, { actor, body }) => updateSignature(db, community, actor, body.text) },
};

/**
 * The guardian's rules on threads (see ../guardian.ts): each exported function is one rule,
 * whether a signed-in actor may. They live in two modules because a bundler places a whole
 * module in one chunk: the read path's (./threads/writing.ts) stay in the entry, the answers'
 * (./threads/answers.ts) go with the post actions that ask them.
 */
export { startThread, reply, confirm } from './threads/writing.ts';
export { acceptSolution, markSameProblem } from './threads/answers.ts';

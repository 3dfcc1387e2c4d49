/**
 * Why nothing is written to a merged thread, in words (see `isMerged`). Its own module: the
 * read path only asks whether a thread is merged, and never carries the sentence.
 */
import { isMerged, type ThreadState } from './rules/common.ts';

/** The reason, or null when the thread is not merged. */
export function mergedThreadProblem(thread: Pick<ThreadState, 'mergedIntoId'>): string | null {
  return isMerged(thread) ? `This thread was merged into thread ${thread.mergedIntoId}: write there.` : null;
}

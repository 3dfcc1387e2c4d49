/** Every write to a thread asks the core lifecycle rule first: a merged thread takes none (409). */
import { ApiError, mergedThreadProblem } from '../../core/index.ts';

export function refuseMerged(thread: { merged_into_id: number | null }): void {
  const problem = mergedThreadProblem({ mergedIntoId: thread.merged_into_id });
  if (problem) throw new ApiError('conflict', problem);
}

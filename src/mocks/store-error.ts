import type { ErrorCode } from '../contract/errors.ts';
import { mergedThreadProblem } from '../core/index.ts';

/** A refusal with the contract's error code; the handlers turn it into a JSON error body. */
export class MockApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The core lifecycle rule for every write to a thread: a merged thread takes none (409). */
export function refuseMerged(thread: { mergedIntoId?: number | null }): void {
  const problem = mergedThreadProblem(thread);
  if (problem) throw new MockApiError(409, 'conflict', problem);
}

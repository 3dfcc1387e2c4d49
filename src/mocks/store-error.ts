import type { ErrorCode } from '../contract/errors.ts';
import { mergedThreadProblem, unfitLine, unstorableText } from '../core/index.ts';

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

/** A title or body as the server checks it: storable text, a one-line title, within its lengths (400). */
export function checkLength(field: 'title' | 'body', value: string, min: number, max: number): void {
  // The server refuses text PostgreSQL cannot store, and control characters in a title.
  const problem = field === 'title' ? unfitLine(value) : unstorableText(value);
  if (problem) throw new MockApiError(400, 'validation_failed', `${field} ${problem}.`, [{ in: 'body', path: `/${field}`, message: problem }]);
  if (value.length >= min && value.length <= max) return;
  const message = value.length < min ? `${field} must be at least ${min} characters long.` : `${field} must be at most ${max} characters long.`;
  throw new MockApiError(400, 'validation_failed', message, [{ path: `/${field}`, message }]);
}

/** Cursors a client sends back: one it was never given is a 400 it can act on, in every read that pages. */
import { ApiError } from '../../core/index.ts';

/** A cursor this server never gave out; `saysWhere` adds `in: 'querystring'` to the detail, as most reads do. */
export const unknownCursor = (saysWhere = true) =>
  new ApiError('validation_failed', 'The cursor is not one this server gave out.', [{ ...(saysWhere ? { in: 'querystring' } : {}), path: '/cursor', message: 'unknown cursor' }]);

/** Runs `read`, answering a cursor of `BadCursor` as the 400 a client can act on. */
export async function withCursor<T>(read: () => Promise<T>, BadCursor: new (...args: never[]) => Error): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BadCursor) throw unknownCursor();
    throw error;
  }
}

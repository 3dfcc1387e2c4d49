/**
 * The mocks' page cursors, as opaque as the server's: base64url of `o:<offset>` for ranked or
 * filtered lists, `p:<post id>` for a thread's posts. A cursor the mocks did not give is a 400.
 */
import { MockApiError } from './store-error.ts';

function toBase64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): string {
  try {
    return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return '';
  }
}

const badCursor = () => new MockApiError(400, 'validation_failed', 'The cursor is not one this server gave out.', [{ in: 'querystring', path: '/cursor', message: 'unknown cursor' }]);

export function encodeOffsetCursor(offset: number): string {
  return toBase64url(`o:${offset}`);
}

export function decodeOffsetCursor(cursor: string): number {
  const match = /^o:(\d{1,7})$/.exec(fromBase64url(cursor));
  if (!match?.[1]) throw badCursor();
  return Number(match[1]);
}

export function encodePostCursor(postId: number): string {
  return toBase64url(`p:${postId}`);
}

export function decodePostCursor(cursor: string): number {
  const match = /^p:(\d{1,12})$/.exec(fromBase64url(cursor));
  if (!match?.[1]) throw badCursor();
  return Number(match[1]);
}

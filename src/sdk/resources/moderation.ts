/**
 * Moderation in the SDK: thread lifecycle (spread into `threads`), flags and hide/restore
 * (spread into `posts`), the moderation queue and grants (`moderation`), the audit log
 * (`audit`) and private conversations (`private`). A merged thread still loads through
 * `threads.get`: follow `thread.mergedIntoId` when it is set.
 */
import type { ClosePrivate, MemberGrants, ModerationReason, NewFlag, OpenPrivate } from '../../contract/areas/moderation.ts';
import type { Http, RequestOptions } from '../http.ts';
import {
  archiveThread, closePrivate, closeThread, flagPost, getPrivate, grantPower, hidePost, listAudit, listPrivate, markPrivateRead, mergeThread, moderationQueue,
  moveThread, openPrivate, postPrivateMessage, reopenThread, restorePost, revokePower,
} from '../routes/index.ts';

type Power = MemberGrants['powers'][number];

export interface AuditQuery {
  cursor?: string | null;
  limit?: number;
  targetType?: string;
  targetId?: number;
  /** A thread's whole log: the entries on the thread and on its posts. */
  threadId?: number;
}

export const threadModerationResource = (http: Http) => {
  const lifecycle = (route: typeof closeThread | typeof reopenThread | typeof archiveThread) =>
    (threadId: number, input: ModerationReason = {}, request: RequestOptions = {}) => http.call(route, { params: { threadId }, body: input }, request);
  return {
    /** Closes a thread: members can no longer reply (staff). */
    close: lifecycle(closeThread),
    /** Reopens a closed or archived thread (staff). */
    reopen: lifecycle(reopenThread),
    /** Archives a thread: read-only for everyone (staff). */
    archive: lifecycle(archiveThread),
    /** Moves a thread to another category (staff). */
    move: (threadId: number, input: { categoryId: number; reason?: string }, request: RequestOptions = {}) =>
      http.call(moveThread, { params: { threadId }, body: input }, request),
    /** Merges a thread into another; the old id then answers with `mergedIntoId` (staff). */
    merge: (threadId: number, input: { intoThreadId: number; reason?: string }, request: RequestOptions = {}) =>
      http.call(mergeThread, { params: { threadId }, body: input }, request),
  };
};

export const postModerationResource = (http: Http) => ({
  /** Flags a post (one flag per member, not on one's own post). */
  flag: (postId: number, input: NewFlag, request: RequestOptions = {}) => http.call(flagPost, { params: { postId }, body: input }, request),
  /** Hides a post and resolves its flags (staff, or members granted review-flags). */
  hide: (postId: number, input: { reason: string }, request: RequestOptions = {}) => http.call(hidePost, { params: { postId }, body: input }, request),
  /** Shows a hidden post again, or dismisses its flags. */
  restore: (postId: number, input: ModerationReason = {}, request: RequestOptions = {}) =>
    http.call(restorePost, { params: { postId }, body: input }, request),
});

export const moderationResource = (http: Http) => ({
  /** Flagged posts, heaviest first. */
  queue: (request: RequestOptions = {}) => http.call(moderationQueue, {}, request),
  /** Grants a trusted member a moderation power (moderators). */
  grant: (memberId: number, power: Power, request: RequestOptions = {}) => http.call(grantPower, { params: { memberId }, body: { power } }, request),
  /** Revokes a moderation power (moderators). */
  revoke: (memberId: number, power: Power, request: RequestOptions = {}) => http.call(revokePower, { params: { memberId, power } }, request),
});

export const auditResource = (http: Http) => ({
  /** The audit log, newest first (moderators and advisors). */
  list: ({ cursor, limit, targetType, targetId, threadId }: AuditQuery = {}, request: RequestOptions = {}) =>
    http.call(listAudit, { query: { cursor: cursor ?? undefined, limit, targetType, targetId, threadId } }, request),
});

export const privateResource = (http: Http) => ({
  /** Opens a private conversation from a public thread; the thread gets a public trace. */
  open: (threadId: number, input: OpenPrivate = {}, request: RequestOptions = {}) =>
    http.call(openPrivate, { params: { threadId }, body: input }, request),
  /** The asker's own conversations; every one for advisors. */
  list: (query: { status?: 'open' | 'closed' } = {}, request: RequestOptions = {}) => http.call(listPrivate, { query }, request),
  /** The conversation and its messages; reading it changes nothing (see `markRead`). */
  get: (conversationId: number, request: RequestOptions = {}) => http.call(getPrivate, { params: { conversationId } }, request),
  /** Records that the reader saw it up to `lastMessageId` (null: it has no message yet); never goes back. */
  markRead: (conversationId: number, lastMessageId: number | null, request: RequestOptions = {}) =>
    http.call(markPrivateRead, { params: { conversationId }, body: { lastMessageId } }, request),
  send: (conversationId: number, body: string, request: RequestOptions = {}) =>
    http.call(postPrivateMessage, { params: { conversationId }, body: { body } }, request),
  /** Closes the conversation; the outcome is posted publicly on the thread (advisor). */
  close: (conversationId: number, input: ClosePrivate, request: RequestOptions = {}) =>
    http.call(closePrivate, { params: { conversationId }, body: input }, request),
});

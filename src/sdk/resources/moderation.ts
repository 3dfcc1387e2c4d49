/**
 * Moderation in the SDK: thread lifecycle (spread into `threads`), flags and hide/restore
 * (spread into `posts`), the moderation queue and grants (`moderation`), the audit log
 * (`audit`) and private conversations (`private`). A merged thread still loads through
 * `threads.get`: follow `thread.mergedIntoId` when it is set.
 */
import type {
  AuditPage,
  ClosePrivate,
  FlagResult,
  MemberGrants,
  MergeResult,
  ModerationQueue,
  ModerationReason,
  NewFlag,
  OpenPrivate,
  PostModeration,
  PrivateConversation,
  PrivateDetail,
  PrivateList,
  PrivateMessage,
  PrivateWithTrace,
} from '../../contract/areas/moderation.ts';
import type { Post, ThreadSummary } from '../../contract/index.ts';
import type { Http, RequestOptions } from '../http.ts';

type Power = MemberGrants['powers'][number];

export interface AuditQuery {
  cursor?: string | null;
  limit?: number;
  targetType?: string;
  targetId?: number;
}

export const threadModerationResource = (http: Http) => {
  const lifecycle = (action: 'close' | 'reopen' | 'archive') => (threadId: number, input: ModerationReason = {}, request: RequestOptions = {}) =>
    http.request<ThreadSummary>({ method: 'POST', path: `/threads/${threadId}/${action}`, body: input, ...request });
  return {
    /** Closes a thread: members can no longer reply (staff). */
    close: lifecycle('close'),
    /** Reopens a closed or archived thread (staff). */
    reopen: lifecycle('reopen'),
    /** Archives a thread: read-only for everyone (staff). */
    archive: lifecycle('archive'),
    /** Moves a thread to another category (staff). */
    move: (threadId: number, input: { categoryId: number; reason?: string }, request: RequestOptions = {}) =>
      http.request<ThreadSummary>({ method: 'POST', path: `/threads/${threadId}/move`, body: input, ...request }),
    /** Merges a thread into another; the old id then answers with `mergedIntoId` (staff). */
    merge: (threadId: number, input: { intoThreadId: number; reason?: string }, request: RequestOptions = {}) =>
      http.request<MergeResult>({ method: 'POST', path: `/threads/${threadId}/merge`, body: input, ...request }),
  };
};

export const postModerationResource = (http: Http) => ({
  /** Flags a post (one flag per member, not on one's own post). */
  flag: (postId: number, input: NewFlag, request: RequestOptions = {}) =>
    http.request<FlagResult>({ method: 'POST', path: `/posts/${postId}/flags`, body: input, ...request }),
  /** Hides a post and resolves its flags (staff, or members granted review-flags). */
  hide: (postId: number, input: { reason: string }, request: RequestOptions = {}) =>
    http.request<PostModeration>({ method: 'POST', path: `/posts/${postId}/hide`, body: input, ...request }),
  /** Shows a hidden post again, or dismisses its flags. */
  restore: (postId: number, input: ModerationReason = {}, request: RequestOptions = {}) =>
    http.request<PostModeration>({ method: 'POST', path: `/posts/${postId}/restore`, body: input, ...request }),
});

export const moderationResource = (http: Http) => ({
  /** Flagged posts, heaviest first. */
  queue: (request: RequestOptions = {}) => http.request<ModerationQueue>({ method: 'GET', path: '/moderation/queue', ...request }),
  /** Grants a trusted member a moderation power (moderators). */
  grant: (memberId: number, power: Power, request: RequestOptions = {}) =>
    http.request<MemberGrants>({ method: 'POST', path: `/members/${memberId}/grants`, body: { power }, ...request }),
  /** Revokes a moderation power (moderators). */
  revoke: (memberId: number, power: Power, request: RequestOptions = {}) =>
    http.request<MemberGrants>({ method: 'DELETE', path: `/members/${memberId}/grants/${power}`, ...request }),
});

export const auditResource = (http: Http) => ({
  /** The audit log, newest first (moderators and advisors). */
  list: ({ cursor, limit, targetType, targetId }: AuditQuery = {}, request: RequestOptions = {}) =>
    http.request<AuditPage>({ method: 'GET', path: '/audit', query: { cursor: cursor ?? undefined, limit, targetType, targetId }, ...request }),
});

export const privateResource = (http: Http) => ({
  /** Opens a private conversation from a public thread; the thread gets a public trace. */
  open: (threadId: number, input: OpenPrivate = {}, request: RequestOptions = {}) =>
    http.request<PrivateWithTrace>({ method: 'POST', path: `/threads/${threadId}/private`, body: input, ...request }),
  /** The asker's own conversations; every one for advisors. */
  list: (query: { status?: 'open' | 'closed' } = {}, request: RequestOptions = {}) =>
    http.request<PrivateList>({ method: 'GET', path: '/private', query, ...request }),
  get: (conversationId: number, request: RequestOptions = {}) =>
    http.request<PrivateDetail>({ method: 'GET', path: `/private/${conversationId}`, ...request }),
  send: (conversationId: number, body: string, request: RequestOptions = {}) =>
    http.request<PrivateMessage>({ method: 'POST', path: `/private/${conversationId}/messages`, body: { body }, ...request }),
  /** Closes the conversation; the outcome is posted publicly on the thread (advisor). */
  close: (conversationId: number, input: ClosePrivate, request: RequestOptions = {}) =>
    http.request<{ conversation: PrivateConversation; trace: Post }>({ method: 'POST', path: `/private/${conversationId}/close`, body: input, ...request }),
});

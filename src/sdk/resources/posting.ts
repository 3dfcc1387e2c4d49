/**
 * Asking, replying and editing: members' writes, made only from the composer and post-action
 * chunks, and the suggestions the composers show. The half of the client past the read path (../staff.ts) adds them.
 */
import type { NewReply, NewThread } from '../../contract/index.ts';
import type { DeletePost, EditPost } from '../../contract/areas/interactions.ts';
import type { FaqSuggestBody } from '../../contract/areas/knowledge.ts';
import type { Http, RequestOptions } from '../http.ts';
import { createThread, deletePost, editPost, getPost, listPostRevisions, replyToThread, suggestFaq } from '../routes/index.ts';

/** `client.faq.suggest`: what the composers show while a question or a reply is typed. */
export const suggestionsResource = (http: Http) => ({
  /** Articles and solved threads closest to a question being typed (call it debounced, with `signal`). */
  suggest: (input: FaqSuggestBody, request: RequestOptions = {}) => http.call(suggestFaq, { body: input }, request),
});

/** `client.threads.create`. */
export const askingResource = (http: Http) => ({
  /** Asks a question: the thread and its first post. */
  create: (input: NewThread, request: RequestOptions = {}) => http.call(createThread, { body: input }, request),
});

export const postsResource = (http: Http) => ({
  /** Replies to a thread. */
  reply: (threadId: number, input: NewReply, request: RequestOptions = {}) =>
    http.call(replyToThread, { params: { threadId }, body: input }, request),
  /** Edits a post: its author while the thread is open; staff any post, with a `reason` when it is someone else's. */
  edit: (postId: number, input: EditPost, request: RequestOptions = {}) => http.call(editPost, { params: { postId }, body: input }, request),
  /** One post as thread reads show it, with the signed-in reader's own state (`viewer`): for a post that arrived live. */
  get: (postId: number, request: RequestOptions = {}) => http.call(getPost, { params: { postId } }, request),
  /**
   * Deletes a reply, which stays in its thread as a tombstone: its author while the thread is
   * open; staff any reply, with a `reason` when it is someone else's. Answers the post as it now reads.
   */
  delete: (postId: number, input?: DeletePost, request: RequestOptions = {}) => http.call(deletePost, { params: { postId }, body: input }, request),
  /** Earlier texts of an edited post, oldest first (staff; 404 for anyone else). */
  revisions: (postId: number, request: RequestOptions = {}) => http.call(listPostRevisions, { params: { postId } }, request),
});

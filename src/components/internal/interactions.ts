/**
 * The interactive layer over posts — kudos, solution, quote, flag and share actions, "same
 * problem here", the credit blocks of advisor confirmations, and the follow and mute buttons
 * of threads and categories (which also record a thread's read position), and a member's live
 * thread list (`followList`) — as one chunk loaded right
 * after the first render (`loadInteractions()`): posts are readable before it arrives.
 */
import '../community-reply/community-reply.ts';
import '../post-actions/post-actions.ts';
import '../same-problem/same-problem.ts';
import '../follow/follow.ts';
export { renderConfirmation } from '../post/confirmation.ts';
export { followList } from '../thread-list/live-list.ts';
export { followThread } from '../thread/live-thread.ts';

/**
 * The interactive layer over posts — kudos, solution, quote, flag and share actions, "same
 * problem here", and the credit blocks of advisor confirmations — as one chunk loaded right
 * after the first render (`loadInteractions()`): posts are readable before it arrives.
 */
import '../community-reply/community-reply.ts';
import '../post-actions/post-actions.ts';
import '../same-problem/same-problem.ts';

/**
 * The customer's loop (issue 15): what a member can be notified of, how they follow threads and
 * categories, and how e-mail reaches them. The schema (migration 014) checks the same lists.
 */

/** What a notification is about. */
export const NOTIFICATION_KINDS = [
  'reply', // a reply in a thread I follow
  'mention', // someone wrote @me
  'answer-accepted', // the asker accepted my answer
  'answer-confirmed', // an advisor confirmed and credited my answer
  'kudos', // kudos on my post, batched per post while unread
  'private-message', // a message in my private conversation (its body never leaves the inbox)
  'private-opened', // an advisor took my thread into private
  'incident', // an incident in my region or category
  'expert-nudge', // an advisor asks me to help on a thread
  'new-thread', // a new question in a category I follow (migration 015)
  'post-edited', // staff edited my post, e.g. to remove personal data (migration 024)
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Following a thread or category, or muting it (a muted thread sends nothing, even replies). */
export const FOLLOW_LEVELS = ['following', 'muted'] as const;
export type FollowLevel = (typeof FOLLOW_LEVELS)[number];

/** How a follow started: asking and replying follow automatically, `chosen` is the button. */
export const FOLLOW_REASONS = ['asked', 'replied', 'chosen'] as const;
export type FollowReason = (typeof FOLLOW_REASONS)[number];

/** E-mail: each notification a few minutes after it was left unseen, one digest a day, or none. */
export const EMAIL_MODES = ['immediate', 'daily', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/**
 * The contract's types that the SDK's callers see, elements included: elements reach the
 * contract through the SDK (DESIGN.md, Architecture). Types only, so no schema code reaches a
 * bundle; add a name here when an element or a caller needs one.
 */
export type * from '../contract/models.ts';
export type { ForumPage, ForumSeed } from '../contract/pages.ts';
export type { AdvisorQueue, AlertList, CollectiveAlert, ExpertList, Incident, Metrics, NewIncident, QueueGroupPage, QueueItem } from '../contract/areas/advisor.ts';
export type { FaqArticle, FaqHit, FaqRelated, SearchHit } from '../contract/areas/knowledge.ts';
export type { MemberAnswer, MemberAnswerPage, MemberThreadPage } from '../contract/areas/people.ts';
export type { AuditEntry, PrivateConversation, PrivateDetail, PrivateMessage, QueueItem as ModerationQueueItem } from '../contract/areas/moderation.ts';
export type { PostRevision, PostRevisions } from '../contract/areas/interactions.ts';
export type { Draft, DraftShare, ReviewSample, ReviewSampleItem, Rubric } from '../contract/areas/review.ts';
export type { PlanSlot, StaffNote, TeamNow, WeeklyPlan } from '../contract/areas/workspace.ts';
export type { FollowState, Notification, NotificationList, ThreadReading } from '../contract/areas/notify.ts';
export type {
  AdminCategory, AdminCommunity, AdminCommunityChange, AdminRankLadder, CategoryChange, NewCategory, RankLadderView, RankPreview, TeamList, TeamMember, TeamMemberChange,
  TrustedMemberList,
} from '../contract/areas/admin.ts';
export type { Webhook, WebhookDelivery, WebhookDeliveryPage, WebhookList, WebhookWithSecret } from '../contract/areas/webhooks.ts';
export type { Preferences, PreferencesChange } from '../contract/areas/preferences.ts';

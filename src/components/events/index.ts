/**
 * Every event the elements fire. The classes of events fired only by lazy chunks (composer,
 * search, interactions, advisor tools and console) are exported as types: listen to them by
 * name (`entraide-reply-sent`, typed through `GlobalEventHandlersEventMap`), and the read path
 * does not carry their code.
 */
export type { EntraideAskRequestedEvent } from './ask-requested.ts';
// Fired by the advisor console's reviews (a lazy chunk): its type only, never on the read path.
export type { EntraideDraftApprovedEvent } from './draft-approved.ts';
export type { EntraideFaqOpenedEvent, FaqArticleLink } from './faq-opened.ts';
export { EntraideNavigateEvent } from './navigate.ts';
export type { EntraidePostDeletedEvent } from './post-deleted.ts';
export type { EntraideQuoteRequestedEvent } from './quote-requested.ts';
export type { EntraideReplySentEvent } from './reply-sent.ts';
export type { EntraideSearchedEvent } from './searched.ts';
export { EntraideSessionEndedEvent } from './session-ended.ts';
export { EntraideSignInRequestedEvent, type SignInReason } from './sign-in-requested.ts';
export type { EntraideSolutionChangedEvent } from './solution-changed.ts';
export type { EntraideThreadCreatedEvent } from './thread-created.ts';
export type { EntraideThreadModeratedEvent, ModerationChange } from './thread-moderated.ts';
export type { EntraideThreadOpenedEvent } from './thread-opened.ts';

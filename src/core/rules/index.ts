/** The guardian's rules, one module per subject: each exported function is one rule. */
export { can, isSignedIn, isMerged, type SignedIn, type ThreadState, type ThreadFacts, type PostFacts, type DraftFacts, type PrivateFacts, type Can } from './common.ts';
export * as threadRules from './threads.ts';
export * as postRules from './posts.ts';
export * as privateRules from './private.ts';
export * as moderationRules from './moderation.ts';
export * as staffRules from './staff.ts';
export * as knowledgeRules from './knowledge.ts';
export * as workspaceRules from './workspace.ts';
export * as reviewRules from './review.ts';
export * as adminRules from './admin.ts';

/**
 * The `entraide` entry point (and the `dist/entraide.min.js` bundle): importing it registers
 * every element, once, and exposes their classes and events.
 */
export { EntraideCategoryList } from './category-list/category-list.ts';
export type { EntraideCommunityReply } from './community-reply/community-reply.ts';
// The composer loads on demand (`loadComposer()`, or `import 'entraide/composer'` to bundle it eagerly).
export type { EntraideComposer } from './composer/composer.ts';
export type { EntraideFaqLink, FaqCardArticle } from './faq-link/faq-link.ts';
export { EntraideForum } from './forum/forum.ts';
export type { EntraideIncidentBanner } from './incident-banner/incident-banner.ts';
export { EntraidePostHeader } from './post-header/post-header.ts';
export { EntraidePost } from './post/post.ts';
export { EntraideRankBadge } from './rank-badge/rank-badge.ts';
export type { EntraideSameProblem } from './same-problem/same-problem.ts';
// Search loads on demand (`loadSearch()`, or `import 'entraide/search'`).
export type { EntraideSearch } from './search/search.ts';
export { EntraideThreadList } from './thread-list/thread-list.ts';
export { EntraideThread } from './thread/thread.ts';

export * from './events/index.ts';
export { EntraideElement } from './internal/entraide-element.ts';
// Elements past the read path, each a chunk loaded when first needed.
export { loadComposer, loadIncidentBanner, loadInteractions, loadSearch } from './internal/lazy.ts';
// The advisor workspace loads on demand (`loadAgentConsole()`): staff pages only, never the read path.
export type { EntraideAgentConsole } from './agent-console/agent-console.ts';
export { loadAgentConsole } from './internal/lazy.ts';
// The advisor mode of a thread loads on demand (`loadAdvisorTools()`), for staff only.
export type { EntraideAdvisorTools } from './advisor-tools/advisor-tools.ts';
export { loadAdvisorTools } from './internal/lazy.ts';
// The advisor composer and the team metrics load on demand (`loadAdvisorComposer()`, `loadAgentMetrics()`), for staff only.
export type { EntraideAdvisorComposer } from './advisor-composer/advisor-composer.ts';
export type { EntraideAgentMetrics } from './agent-metrics/agent-metrics.ts';
export { loadAdvisorComposer, loadAgentMetrics } from './internal/lazy.ts';
// Member profiles and FAQ article pages load on demand, when the forum opens a pseudonym or an FAQ card.
export type { EntraideProfile } from './profile/profile.ts';
export type { EntraideFaqArticle } from './faq-article/faq-article.ts';
export { clientContext, localeContext, linksContext, sessionContext, type SessionState } from './internal/context.ts';
export type { Links, Route } from './internal/router.ts';
// French ships in the entry; `loadTranslation('en')` fetches English early (elements load it themselves when needed).
export { loadTranslation, type Translation } from './translations/index.ts';

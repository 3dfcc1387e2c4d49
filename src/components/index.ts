/**
 * The `entraide` entry point (and the `dist/entraide.min.js` bundle): importing it registers
 * every element, once, and exposes their classes and events.
 */
export { EntraideCategoryList } from './category-list/category-list.ts';
export { EntraideComposer } from './composer/composer.ts';
export { EntraideForum } from './forum/forum.ts';
export { EntraidePostHeader } from './post-header/post-header.ts';
export { EntraidePost } from './post/post.ts';
export { EntraideRankBadge } from './rank-badge/rank-badge.ts';
export { EntraideThreadList } from './thread-list/thread-list.ts';
export { EntraideThread } from './thread/thread.ts';

export * from './events/index.ts';
export { EntraideElement } from './internal/entraide-element.ts';
export { clientContext, localeContext, linksContext, sessionContext, type SessionState } from './internal/context.ts';
export type { Links, Route } from './internal/router.ts';
export { translations, type Translation } from './translations/index.ts';

/**
 * Parts of the forum that readers may never need load on demand, as their own chunks: the
 * read path (lists, thread, posts) stays small. Each loader imports its module once.
 */
import { isServer } from 'lit';

/**
 * The same import every time after the first call. A server render never loads a chunk: what
 * its page shows is defined beforehand (`../ssr.ts`), and what comes later is the browser's.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= isServer ? new Promise<T>(() => undefined) : load());
}

/** The composer (reply and new-question forms). */
export const loadComposer = once(() => import('../composer/composer.ts'));

/** Unsent text (`./drafts.ts`), shared by the composers; the forum writes one when search turns into a question. */
export const loadDrafts = once(() => import('./drafts.ts'));

/** The signed-in member's header links and bell (`<entraide-account-links>`): never on a guest's page. */
export const loadAccountLinks = once(() => import('../account-links/account-links.ts'));

/** Forum and FAQ search (`<entraide-search>`, with its FAQ cards). */
export const loadSearch = once(() => import('../search/search.ts'));

/** Post actions, "same problem here" and confirmation credit blocks (see ./interactions.ts). */
export const loadInteractions = once(() => import('./interactions.ts'));

/** The banner of declared incidents. */
export const loadIncidentBanner = once(() => import('../incident-banner/incident-banner.ts'));

/** The advisor workspace (`<entraide-agent-console>`: queue, incidents, team, quality); staff pages only. */
export const loadAgentConsole = once(() => import('../agent-console/agent-console.ts'));

/** The community's administration (`<entraide-admin>`); admins only, never on the read path. */
export const loadAdmin = once(() => import('../admin/admin.ts'));

/** The signed-in member's preferences (`<entraide-preferences>`); never on the read path. */
export const loadPreferences = once(() => import('../preferences/preferences.ts'));

/** The advisor mode of a thread (`<entraide-advisor-tools>`): staff only, never on the read path. */
export const loadAdvisorTools = once(() => import('../advisor-tools/advisor-tools.ts'));

/** The advisor's reply form with the recipient-design assistant (`<entraide-advisor-composer>`); advisors only. */
export const loadAdvisorComposer = once(() => import('../advisor-composer/advisor-composer.ts'));

/** The team's metrics view (`<entraide-agent-metrics>`); staff pages only. */
export const loadAgentMetrics = once(() => import('../agent-metrics/agent-metrics.ts'));

/** The signed-in member's notifications button (`<entraide-notifications>`). */
export const loadNotifications = once(() => import('../notifications/notifications.ts'));

/** The language switcher of the forum's header (`<entraide-language-switcher>`): communities with one language never load it. */
export const loadLanguageSwitcher = once(() => import('../language-switcher/language-switcher.ts'));

/** The forum's notice that a session ended (a refused token): rare, so never on the read path. */
export const loadSessionEnded = once(() => import('../forum/session-ended.ts'));

/** The member's private messages (`<entraide-inbox>`): signed-in members only, never on the read path. */
export const loadInbox = once(() => import('../inbox/inbox.ts'));
/** A member's profile (`<entraide-profile>`) and an FAQ article's page (`<entraide-faq-article>`), one chunk. */
export const loadPeoplePages = once(() => import('./people-pages.ts'));

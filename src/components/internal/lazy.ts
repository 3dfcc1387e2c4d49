/**
 * Parts of the forum that readers may never need load on demand, as their own chunks: the
 * read path (lists, thread, posts) stays small. Each loader defines its elements once.
 */
let composer: Promise<unknown> | undefined;

/** The composer (reply and new-question forms). */
export function loadComposer(): Promise<unknown> {
  composer ??= import('../composer/composer.ts');
  return composer;
}

let search: Promise<unknown> | undefined;

/** Forum and FAQ search (`<entraide-search>`, with its FAQ cards). */
export function loadSearch(): Promise<unknown> {
  search ??= import('../search/search.ts');
  return search;
}

let interactions: Promise<unknown> | undefined;

/** Post actions, "same problem here" and confirmation credit blocks (see ./interactions.ts). */
export function loadInteractions(): Promise<unknown> {
  interactions ??= import('./interactions.ts');
  return interactions;
}

let incidentBanner: Promise<unknown> | undefined;

/** The banner of declared incidents. */
export function loadIncidentBanner(): Promise<unknown> {
  incidentBanner ??= import('../incident-banner/incident-banner.ts');
  return incidentBanner;
}

let agentConsole: Promise<unknown> | undefined;

/** The advisor workspace (`<entraide-agent-console>` with its queue and incidents views); staff pages only. */
export function loadAgentConsole(): Promise<unknown> {
  agentConsole ??= import('../agent-console/agent-console.ts');
  return agentConsole;
}

let advisorTools: Promise<unknown> | undefined;

/** The advisor mode of a thread (`<entraide-advisor-tools>`): staff only, never on the read path. */
export function loadAdvisorTools(): Promise<unknown> {
  advisorTools ??= import('../advisor-tools/advisor-tools.ts');
  return advisorTools;
}

let advisorComposer: Promise<unknown> | undefined;

/** The advisor's reply form with the recipient-design assistant (`<entraide-advisor-composer>`); staff only. */
export function loadAdvisorComposer(): Promise<unknown> {
  advisorComposer ??= import('../advisor-composer/advisor-composer.ts');
  return advisorComposer;
}

let agentMetrics: Promise<unknown> | undefined;

/** The team's metrics view (`<entraide-agent-metrics>`); staff pages only. */
export function loadAgentMetrics(): Promise<unknown> {
  agentMetrics ??= import('../agent-metrics/agent-metrics.ts');
  return agentMetrics;
}

let notifications: Promise<unknown> | undefined;

/** The signed-in member's notifications button (`<entraide-notifications>`); signed-in pages only. */
export function loadNotifications(): Promise<unknown> {
  notifications ??= import('../notifications/notifications.ts');
  return notifications;
}

/**
 * The resources past the read path, added onto a reader client in place (the same object, so
 * every holder of it sees them): members' writes (asking, replying, kudos, solutions) and those
 * of advisors, moderators and the workspace. The embedded forum's read path leaves this module
 * to the chunks that write; `createEntraideClient` always includes it.
 */
import type { JsonRouteName } from '../contract/index.ts';
import type { CallArgs, Http } from './http.ts';
import { adminResource } from './resources/admin.ts';
import { agentResource, metricsResource } from './resources/advisor.ts';
import { composerResource } from './resources/composer.ts';
import { interactionsResource, kudosResource } from './resources/interactions.ts';
import { askingResource, postsResource, suggestionsResource } from './resources/posting.ts';
import { membersResource } from './resources/members.ts';
import { faqPageResource } from './resources/faq-page.ts';
import { demoResource } from './resources/demo.ts';
import { confirmationResource, faqEditingResource, incidentDeclarationResource, signatureResource } from './resources/advisor-writes.ts';
import { auditResource, moderationResource, postModerationResource, privateResource, threadModerationResource } from './resources/moderation.ts';
import { draftsResource, handoffsResource, qualityReviewResource } from './resources/review.ts';
import { staffNotesResource, workspaceAgentResource } from './resources/workspace.ts';
import { followingResource, notificationsResource } from './resources/notify.ts';
import { webhooksResource } from './resources/webhooks.ts';
import { preferencesResource } from './resources/preferences.ts';
import { HTTP, type ReaderClient } from './reader.ts';
import { installReadingResources, mergeResources, type ReadingResources } from './reading.ts';
import { routeTable } from './route-table.ts';

function staffResources(http: Http) {
  const kudos = kudosResource(http);
  return {
    community: signatureResource(http),
    // Members' writes first: they are made from chunks only, like the staff's.
    threads: { ...askingResource(http), ...interactionsResource(http), ...threadModerationResource(http), ...staffNotesResource(http), ...confirmationResource(http) },
    posts: { ...postsResource(http), kudo: kudos.give, unkudo: kudos.takeBack, ...postModerationResource(http), ...composerResource(http) },
    incidents: incidentDeclarationResource(http),
    faq: { ...suggestionsResource(http), ...faqEditingResource(http), ...faqPageResource(http) },
    members: membersResource(http),
    moderation: moderationResource(http),
    audit: auditResource(http),
    private: privateResource(http),
    demo: demoResource(http),
    agent: { ...agentResource(http), ...workspaceAgentResource(http) },
    notifications: notificationsResource(http),
    following: followingResource(http),
    metrics: metricsResource(http),
    drafts: draftsResource(http),
    qualityReview: qualityReviewResource(http),
    handoffs: handoffsResource(http),
    admin: adminResource(http),
    webhooks: webhooksResource(http),
    preferences: preferencesResource(http),
    /**
     * Any route of the contract by name, typed from it: `call('getThread', { params: { threadId: 1 } })`.
     * A route added to the contract is callable here before it gets a friendly name.
     */
    call: <N extends JsonRouteName>(name: N, ...args: CallArgs<N>) => {
      return http.call(routeTable[name], ...args);
    },
  };
}

type Staff = ReturnType<typeof staffResources>;
type Merged = 'community' | 'threads' | 'posts' | 'incidents' | 'faq';
type Base = ReaderClient & ReadingResources;
/** The staff side of the client, as the type of the whole client sees it (the reading resources with it). */
export type StaffResources = Omit<Staff, Merged> & Omit<ReadingResources, Merged> & { [K in Merged]: Base[K] & Staff[K] };

const installed = new WeakSet<object>();

/** Adds the staff resources to `client` (once) and returns it, typed as the whole client. */
export function installStaffResources<C extends ReaderClient>(client: C): C & StaffResources {
  if (!installed.has(client)) {
    installed.add(client);
    installReadingResources(client);
    mergeResources(client, staffResources((client as unknown as Record<symbol, Http>)[HTTP]!));
  }
  return client as C & StaffResources;
}

/**
 * What a use case needs that does not come with the request. Both adapters build it once per
 * request (src/server/routes/operations.ts, src/mocks/domain/forum.ts); every service takes it,
 * or the part of it it uses, as its first argument and the request as its second.
 */
import type { PostIntervals } from '../core/index.ts';
import type { Database } from './database.ts';
import type { CommunityContext } from './repo/community.ts';
import type { HandoffOptions } from './services/handoffs.ts';
import type { WebhookOptions } from './services/webhooks.ts';

export interface DomainContext {
  db: Database;
  community: CommunityContext;
  /** Minimum seconds between a member's posts. */
  postIntervals: PostIntervals;
  /** Demo mode: the demo sign-in is offered. */
  demo: boolean;
  /** Where incident changes are POSTed, signed; none = not sent. */
  webhooks?: WebhookOptions;
  /** The brand's back office that opens a case per hand-off; none = hand-offs answer 409. */
  handoff?: HandoffOptions;
}

/** The database and the community, plus the named parts a service also reads (tests build no more than that). */
export type ServiceContext<Extra extends keyof DomainContext = never> = Pick<DomainContext, 'db' | 'community' | Extra>;

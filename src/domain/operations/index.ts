/** Every use case the contract routes to, by route name: the one table both adapters dispatch from. */
import { adminOperations } from './admin.ts';
import { advisorOperations } from './advisor.ts';
import { composerOperations } from './composer.ts';
import { interactionsBareBodies, interactionsOperations } from './interactions.ts';
import { knowledgeOperations } from './knowledge.ts';
import { moderationBareBodies, moderationOperations } from './moderation.ts';
import { forumOperations } from './forum.ts';
import { peopleOperations } from './people.ts';
import { preferencesOperations } from './preferences.ts';
import { reviewOperations } from './review.ts';
import { webhooksBareBodies, webhooksOperations } from './webhooks.ts';
import { workspaceOperations } from './workspace.ts';
import { notifyOperations } from './notify.ts';

export const operations = {
  ...forumOperations,
  ...interactionsOperations,
  ...knowledgeOperations,
  ...moderationOperations,
  ...advisorOperations,
  ...composerOperations,
  ...workspaceOperations,
  ...reviewOperations,
  ...adminOperations,
  ...webhooksOperations,
  ...peopleOperations,
  ...preferencesOperations,
  ...notifyOperations,
};

export type OperationName = keyof typeof operations;

/** Routes whose body is all optional fields: a bare request (no body) means `{}`, in both adapters. */
export const bareBodyIsEmpty: ReadonlySet<string> = new Set([...moderationBareBodies, ...interactionsBareBodies, ...webhooksBareBodies]);
import type { RouteName } from './operation.ts';

export type { Answer, Call, DomainContext, Operation, RouteName } from './operation.ts';

/**
 * Routes only an adapter can answer: the event stream, the demo sign-in (its token is the
 * adapter's) and readiness (whether the adapter's own database and migrations are fit to serve).
 */
export type AdapterRoute = 'events' | 'demoSignIn' | 'ready';
// Every other contract route has its use case here: a route added to the contract without one fails the type check.
const everyRouteHasAnOperation: Exclude<RouteName, OperationName | AdapterRoute> extends never ? true : Exclude<RouteName, OperationName | AdapterRoute> = true;
void everyRouteHasAnOperation;

import { Type, type TStringOptions } from 'typebox';
import { ID_MAX, SINGLE_LINE_PATTERN } from '../core/text.ts';
import { ErrorBody } from './errors.ts';

/** Database ids: positive PostgreSQL `integer`s; a bigger id names nothing and is refused as invalid. */
export const Id = Type.Integer({ minimum: 1, maximum: ID_MAX });
/** Ids of `bigint` rows (audit entries): only ever answered, never asked for. */
export const BigId = Type.Integer({ minimum: 1 });
export const Timestamp = Type.String({ format: 'date-time' });
/** A one-line text (titles, banners): no control characters. */
export const Line = (options: Omit<TStringOptions, 'pattern'>) => Type.String({ ...options, pattern: SINGLE_LINE_PATTERN });
/** The error answers every route may give; spread into a route's `response`. */
export const errorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

/**
 * Who may call a route, declared once on each route (`audience`) and said in the OpenAPI
 * description. The guardian decides; the authorization matrix (test/server/api/authorization.test.ts)
 * fails when a route's declared audience and what the server answers each role disagree.
 * `guest` is whoever sends no token: on every other audience a guest gets 401 `unauthorized`.
 */
export const AUDIENCES = {
  everyone: { roles: ['guest', 'member', 'advisor', 'moderator', 'admin'], text: 'Anyone: guests and every signed-in role. A token is optional; with one, the answer is what that member may see.' },
  members: { roles: ['member', 'advisor', 'moderator', 'admin'], text: 'Any signed-in member (member, advisor, moderator, admin).' },
  staff: { roles: ['advisor', 'moderator', 'admin'], text: 'Staff: advisors, moderators and admins.' },
  advisors: { roles: ['advisor'], text: 'Advisors only.' },
  moderators: { roles: ['moderator', 'admin'], text: 'Moderators and admins.' },
  askerAndAdvisors: { roles: ['member', 'advisor'], text: 'The thread’s asker (a member) and advisors.' },
  admins: { roles: ['admin'], text: 'Admins only.' },
} as const;
export type Audience = keyof typeof AUDIENCES;

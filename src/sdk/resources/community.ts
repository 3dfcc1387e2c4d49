import type { Community, MemberProfile, Session } from '../../contract/index.ts';
import type { Locale } from '../../core/index.ts';
import type { Http, RequestOptions } from '../http.ts';

export const communityResource = (http: Http) => ({
  /** The community and its categories, labelled in `locale`. */
  get: (query: { locale?: Locale } = {}, request: RequestOptions = {}) =>
    http.request<Community>({ method: 'GET', path: '/community', query, ...request }),
});

export const sessionResource = (http: Http) => ({
  /** Who the current token names (`member: null` for a guest). */
  get: (request: RequestOptions = {}) => http.request<Session>({ method: 'GET', path: '/session', ...request }),
});

export const membersResource = (http: Http) => ({
  /** A member's public profile: header fields, accepted and confirmed answers, kudos, assists. */
  get: (memberId: number, request: RequestOptions = {}) => http.request<MemberProfile>({ method: 'GET', path: `/members/${memberId}`, ...request }),
});

import type { Community, Session } from '../../contract/index.ts';
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

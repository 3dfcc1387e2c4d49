import type { MemberProfile } from '../../contract/index.ts';
import type { Http, RequestOptions } from '../http.ts';

/** `client.members`: public profiles (no element of the embedded forum's read path shows one). */
export const membersResource = (http: Http) => ({
  /** A member's public profile: header fields, accepted and confirmed answers, kudos, assists. */
  get: (memberId: number, request: RequestOptions = {}) => http.request<MemberProfile>({ method: 'GET', path: `/members/${memberId}`, ...request }),
});

import type { Http, RequestOptions } from '../http.ts';
import { getMember } from '../routes/index.ts';

/** `client.members`: public profiles (no element of the embedded forum's read path shows one). */
export const membersResource = (http: Http) => ({
  /** A member's public profile: header fields, accepted and confirmed answers, kudos, assists. */
  get: (memberId: number, request: RequestOptions = {}) => http.call(getMember, { params: { memberId } }, request),
});

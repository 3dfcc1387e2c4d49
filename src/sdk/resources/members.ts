import type { Http, RequestOptions } from '../http.ts';
import { getMember, listMemberAnswers, listMemberThreads } from '../routes/index.ts';

export interface ProfilePageQuery {
  cursor?: string | null;
  limit?: number;
}

/** `client.members`: public profiles (shown by the lazy `<entraide-profile>`). */
export const membersResource = (http: Http) => ({
  /** A member's public profile: header fields, accepted and confirmed answers, kudos, assists. */
  get: (memberId: number, request: RequestOptions = {}) => http.call(getMember, { params: { memberId } }, request),
  /** The questions the member asked, newest first, a page at a time. */
  threads: (memberId: number, { cursor, limit }: ProfilePageQuery = {}, request: RequestOptions = {}) =>
    http.call(listMemberThreads, { params: { memberId }, query: { cursor: cursor ?? undefined, limit } }, request),
  /** The member's public answers, newest first, each with its accepted and confirmed state. */
  answers: (memberId: number, { cursor, limit }: ProfilePageQuery = {}, request: RequestOptions = {}) =>
    http.call(listMemberAnswers, { params: { memberId }, query: { cursor: cursor ?? undefined, limit } }, request),
});

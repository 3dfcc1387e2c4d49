import type { Http, RequestOptions } from '../http.ts';
import { demoSignIn, listDemoMembers } from '../routes/index.ts';

/** Only on a server in demo mode (`ENTRAIDE_DEMO=1`). */
export const demoResource = (http: Http) => ({
  members: (request: RequestOptions = {}) => http.call(listDemoMembers, {}, request),
  signIn: (memberId: number, request: RequestOptions = {}) => http.call(demoSignIn, { body: { memberId } }, request),
});

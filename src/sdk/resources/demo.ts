import type { DemoMembers, DemoToken } from '../../contract/index.ts';
import type { Http, RequestOptions } from '../http.ts';

/** Only on a server in demo mode (`ENTRAIDE_DEMO=1`). */
export const demoResource = (http: Http) => ({
  members: (request: RequestOptions = {}) => http.request<DemoMembers>({ method: 'GET', path: '/demo/members', ...request }),
  signIn: (memberId: number, request: RequestOptions = {}) =>
    http.request<DemoToken>({ method: 'POST', path: '/demo/sign-in', body: { memberId }, ...request }),
});

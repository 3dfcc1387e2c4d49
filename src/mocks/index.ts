/**
 * `entraide/mocks`: the API in the browser (msw `setupWorker`) or in Node (msw `setupServer`),
 * for tests, stories and users' own tests. Every route is answered by the server's own domain
 * code over the demo community, in an in-memory PGlite that opens once and is put back as
 * loaded at each `createMockForum()`.
 *
 * ```ts
 * const forum = await createMockForum({ latency: 300 });
 * await setupWorker(...forum.handlers).start();
 * await element.setToken((await forum.member(DEMO_PEOPLE.topHelper)).token);
 * ```
 */
export { closeMockForums, createMockForum, type MockForum, type MockForumOptions, type MockMember } from './forum.ts';
export type { Failure } from './domain/forum.ts';
export type { Latency } from './domain/respond.ts';
export { DEMO_PEOPLE } from '../domain/seed/people.ts';

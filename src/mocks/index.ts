/**
 * `entraide/mocks`: the API in the browser (msw `setupWorker`) or in Node (msw `setupServer`),
 * for tests, stories and users' own tests.
 *
 * ```ts
 * const { handlers, store } = createMockForum({ latency: 300 });
 * await setupWorker(...handlers).start();
 * forum.setToken(store.tokenFor(MEMBERS.pix37));
 * ```
 */
import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/routes.ts';
import { defaultFixtures, type Fixtures } from './fixtures.ts';
import { createHandlers, type Failure } from './handlers.ts';
import { MockStore } from './store.ts';

export interface LegacyMockForumOptions {
  /** The community to start from; defaults to `defaultFixtures()`. */
  fixtures?: Fixtures;
  /** Where the mocked API lives (default `/api`), like the SDK's `baseUrl`. */
  baseUrl?: string;
  /** Milliseconds before each answer (default 0), or a [min, max] range. */
  latency?: number | [number, number];
  /** Routes that fail on purpose: `{ replyToThread: 500, getThread: 'network' }`. */
  failures?: Partial<Record<RouteName, Failure>>;
  /** The clock for new posts and seniority. */
  now?: () => Date;
}

export interface LegacyMockForum {
  handlers: HttpHandler[];
  store: MockStore;
  /** The live failure table: change it to make a route fail, or recover, mid-test. */
  failures: Partial<Record<RouteName, Failure>>;
}

export function createLegacyMockForum(options: LegacyMockForumOptions = {}): LegacyMockForum {
  const store = new MockStore(options.fixtures ?? defaultFixtures(), { now: options.now });
  const failures = { ...options.failures };
  const handlers = createHandlers(store, { baseUrl: options.baseUrl ?? '/api', latency: options.latency ?? 0, failures });
  return { handlers, store, failures };
}

export { MockStore, MockApiError, type StoreOptions } from './store.ts';
export { defaultFixtures, MEMBERS, type Fixtures, type MemberFixture, type CategoryFixture, type ThreadFixture, type PostFixture } from './fixtures.ts';
export type { Failure } from './handlers.ts';
export { renderBody, escapeHtml } from './render.ts';
export { incidentsOf, SAMPLE_INCIDENT, type IncidentState } from './areas/incidents.ts';
export { closeMockForums, createMockForum, type MockForum, type MockForumOptions, type MockMember } from './forum.ts';
export { DEMO_PEOPLE } from '../domain/seed/people.ts';

/**
 * Every route of the contract has an SDK method and an msw mock: the SDK's request paths and
 * the mock handlers are read and matched against `routes`, method and path.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { routes } from '../../src/contract/routes.ts';
import { createMockForum } from '../../src/mocks/index.ts';

const contract = Object.entries(routes).map(([name, route]) => ({ name, method: route.method, url: route.url }));

/** `/threads/:threadId/posts` → the same path with every parameter as `*`. */
const shape = (url: string) => url.replace(/:\w+/g, '*');

describe('contract coverage', { timeout: 600_000 }, () => {
  it('has an SDK call for every route (method and path)', () => {
    const sources = ['src/sdk/events.ts', ...readdirSync('src/sdk/resources').map((file) => `src/sdk/resources/${file}`)]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Each call's path as a pattern: an interpolation (`${threadId}`, `${action}`) is one segment.
    const calls = [...sources.matchAll(/method: '(\w+)', path: [`'"]([^`'"]+)[`'"]/g)].map((match) => {
      const path = match[2]!.replace(/\?.*$/, '').split(/\$\{[^}]+\}/).map((part) => part.replace(/[.*+?^()|[\]\\]/g, '\\$&')).join('[^/]+');
      return new RegExp(`^${match[1]} ${path}$`);
    });
    const covered = (method: string, url: string) => calls.some((call) => call.test(`${method} ${url.replace(/:\w+/g, 'x')}`));
    // Live events are a stream (src/sdk/events.ts), not an `http.request`; /health is for probes.
    const missing = contract.filter((r) => r.name !== 'events' && r.name !== 'health' && !covered(r.method, r.url));
    assert.deepEqual(missing.map((r) => `${r.name}: ${r.method} ${r.url}`), []);
    assert.match(readFileSync('src/sdk/events.ts', 'utf8'), /\/events/);
  });

  it('has a mock handler for every route (method and path)', () => {
    const { handlers } = createMockForum({ baseUrl: '/api' });
    const mocked = new Set(handlers.map((handler) => {
      const { method, path } = handler.info as { method: string; path: string };
      return `${method} ${String(path).replace(/^\/api/, '').replace(/:\w+/g, '*')}`;
    }));
    const missing = contract.filter((r) => !mocked.has(`${r.method} ${shape(r.url)}`));
    assert.deepEqual(missing.map((r) => `${r.name}: ${r.method} ${r.url}`), []);
  });
});

/**
 * Every route of the contract has an SDK method and an msw mock: the SDK's route refs and the
 * mock handlers are read and matched against `routes` (the mocks by method and path).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { routes } from '../../src/contract/routes.ts';
import { closeMockForums, createMockForum } from '../../src/mocks/index.ts';

const contract = Object.entries(routes).map(([name, route]) => ({ name, method: route.method, url: route.url }));

/** `/threads/:threadId/posts` → the same path with every parameter as `*`. */
const shape = (url: string) => url.replace(/:\w+/g, '*');

describe('contract coverage', { timeout: 600_000 }, () => {
  it('has an SDK call for every route', () => {
    // Method and path come from the generated refs (checked against the contract by the type
    // check): a route is covered when a resource or the live stream imports its ref.
    const sources = ['src/sdk/events.ts', ...readdirSync('src/sdk/resources').map((file) => `src/sdk/resources/${file}`)]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const called = new Set([...sources.matchAll(/import \{([^}]+)\} from '\.\.?\/routes\/index\.ts'/g)].flatMap((match) => match[1]!.split(',').map((name) => name.trim())));
    // /health and /ready are for probes.
    const missing = contract.filter((r) => r.name !== 'health' && r.name !== 'ready' && !called.has(r.name));
    assert.deepEqual(missing.map((r) => `${r.name}: ${r.method} ${r.url}`), []);
    assert.ok(called.has('events'));
  });

  it('has a mock handler for every route (method and path)', async () => {
    const { handlers } = await createMockForum({ baseUrl: '/api' });
    await closeMockForums();
    const mocked = new Set(handlers.map((handler) => {
      const { method, path } = handler.info as { method: string; path: string };
      return `${method} ${String(path).replace(/^\/api/, '').replace(/:\w+/g, '*')}`;
    }));
    const missing = contract.filter((r) => !mocked.has(`${r.method} ${shape(r.url)}`));
    assert.deepEqual(missing.map((r) => `${r.name}: ${r.method} ${r.url}`), []);
  });
});

/**
 * The SDK's run-time route table (src/sdk/routes/, one module per route) is generated from the
 * contract by scripts/generate-routes.ts: a stale copy fails here (and the type check fails too).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderRouteModules, ROUTES_DIR } from '../../scripts/generate-routes.ts';
import { routes } from '../../src/contract/routes.ts';
import { routeTable } from '../../src/sdk/route-table.ts';

describe('the SDK route table', () => {
  it('is what the generator writes from the contract today (npm run generate:routes)', () => {
    const files = renderRouteModules();
    assert.deepEqual(readdirSync(ROUTES_DIR).sort(), Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) assert.equal(readFileSync(`${ROUTES_DIR}/${file}`, 'utf8'), text, `${file} is stale`);
  });

  it('names every route by its method and URL, and imports no schema', () => {
    const expected = Object.fromEntries(Object.entries(routes).map(([name, route]) => [name, `${route.method} ${route.url}`]));
    assert.deepEqual({ ...routeTable }, expected);
    for (const text of Object.values(renderRouteModules())) assert.doesNotMatch(text, /^import (?!type )/m);
  });
});

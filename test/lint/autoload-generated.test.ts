/**
 * The CDN autoloader's map (src/components/internal/autoload-map.ts) is generated from the
 * elements' `define` calls by scripts/generate-autoload.ts: a stale copy fails here, and so does
 * an element the map would leave out.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { autoloadTable, MAP_FILE, renderAutoloadMap } from '../../scripts/generate-autoload.ts';

describe('the CDN autoloader map', () => {
  it('is what the generator writes from the elements today (npm run generate:autoload)', () => {
    assert.equal(readFileSync(MAP_FILE, 'utf8'), renderAutoloadMap(), `${MAP_FILE} is stale`);
  });

  it('covers the elements past the read path, each from a chunk the forum already loads', () => {
    const table = autoloadTable();
    for (const tag of ['entraide-search', 'entraide-composer', 'entraide-incident-banner', 'entraide-agent-console', 'entraide-admin-team', 'entraide-post-actions']) assert.ok(table[tag], `${tag} is missing`);
    // The read path's elements are registered by the entry itself.
    for (const tag of ['entraide-forum', 'entraide-thread', 'entraide-post']) assert.equal(table[tag], undefined);
    // A sub-element comes with its parent's chunk rather than splitting it.
    assert.equal(table['entraide-advisor-audit'], 'src/components/advisor-tools/advisor-tools.ts');
    assert.equal(table['entraide-flag-form'], 'src/components/internal/interactions.ts');
  });
});

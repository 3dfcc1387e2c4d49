/**
 * `entraide/react` (src/react/index.ts) is generated from custom-elements.json by
 * scripts/generate-frameworks.ts: a stale copy fails here. Needs the manifest (`npm run build:manifest`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { REACT_FILE, renderFrameworkTypes, renderReact } from '../../scripts/generate-frameworks.ts';
import { elementsOf, readManifest } from '../../scripts/manifest.ts';

describe('the framework wrappers', () => {
  const manifest = readManifest();

  it('entraide/react is what the generator writes from the manifest today (npm run generate:frameworks)', () => {
    assert.equal(readFileSync(REACT_FILE, 'utf8'), renderReact(manifest), `${REACT_FILE} is stale`);
  });

  it('wrap every element, with an on… prop for each of its events', () => {
    const react = renderReact(manifest);
    const elements = elementsOf(manifest);
    assert.ok(elements.length >= 40);
    for (const element of elements) assert.match(react, new RegExp(`tagName: '${element.tagName}'`));
    assert.match(react, /onEntraideSignInRequested: 'entraide-sign-in-requested' as EventName<EntraideSignInRequestedEvent>/);
    for (const text of Object.values(renderFrameworkTypes(manifest))) for (const element of elements) assert.ok(text.includes(`'${element.tagName}':`), element.tagName);
  });
});

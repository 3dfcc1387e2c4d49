/**
 * `package.json#sideEffects` names exactly the built modules that do something when imported
 * (see ./side-effects.ts): a new element module, or a module that starts importing one, fails
 * here until it is listed, so that bundlers never drop an element's registration.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './helpers.ts';
import { expectedSideEffects } from './side-effects.ts';

describe('package.json#sideEffects', () => {
  it('lists every module of dist/esm whose import has an effect, and no other', () => {
    assert.ok(existsSync(join(ROOT, 'dist/esm/components/index.js')), 'dist/esm is missing: run npm run build');
    const all = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { sideEffects: string[] }).sideEffects;
    // The sources (never packed) keep every effect: Storybook's Vite build imports them, and would drop an element's registration otherwise.
    assert.deepEqual(all.filter((entry) => !entry.startsWith('./dist/esm/')), ['./src/**/*.ts']);
    const listed = all.filter((entry) => entry.startsWith('./dist/esm/'));
    const expected = expectedSideEffects(ROOT);
    assert.deepEqual(listed, expected, `package.json#sideEffects should read:\n${JSON.stringify(expected, null, 2)}`);
  });
});

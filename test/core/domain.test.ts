import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStaff, pickLocale } from '../../src/core/index.ts';

describe('domain vocabulary', () => {
  it('counts advisors and moderators as staff', () => {
    assert.deepEqual((['guest', 'member', 'advisor', 'moderator'] as const).map(isStaff), [false, false, true, true]);
  });

  it('picks a supported locale from a language tag, whatever its case and region', () => {
    assert.equal(pickLocale('en-GB'), 'en');
    assert.equal(pickLocale('EN'), 'en');
    assert.equal(pickLocale('fr-CA', 'en'), 'fr');
  });

  it('falls back when the language is missing or unsupported', () => {
    assert.equal(pickLocale('de'), 'fr');
    assert.equal(pickLocale(undefined), 'fr');
    assert.equal(pickLocale(null, 'en'), 'en');
    assert.equal(pickLocale('', 'en'), 'en');
  });
});

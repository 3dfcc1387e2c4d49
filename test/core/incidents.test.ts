/** Who an incident's banner concerns, and how long a dismissal holds (src/core/incidents.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incidentConcerns, sameRegion, stillDismissed } from '../../src/core/index.ts';

const BILLING = 1;
const NETWORK = 2;

describe('incidentConcerns', () => {
  it('shows a community-wide incident to everyone on every page', () => {
    const incident = { categoryId: null, region: null };
    assert.equal(incidentConcerns(incident, { categoryId: null, region: null }), true);
    assert.equal(incidentConcerns(incident, { categoryId: NETWORK, region: 'Bretagne' }), true);
  });

  it('shows a category’s incident only while that category is read', () => {
    const incident = { categoryId: BILLING, region: null };
    assert.equal(incidentConcerns(incident, { categoryId: BILLING, region: null }), true);
    assert.equal(incidentConcerns(incident, { categoryId: NETWORK, region: null }), false);
    assert.equal(incidentConcerns(incident, { categoryId: null, region: null }), false);
  });

  it('shows a regional incident to its region’s readers, and to readers of unknown region only in its category', () => {
    const regional = { categoryId: null, region: 'Bretagne' };
    assert.equal(incidentConcerns(regional, { categoryId: null, region: 'bretagne' }), true);
    assert.equal(incidentConcerns(regional, { categoryId: null, region: 'Normandie' }), false);
    assert.equal(incidentConcerns(regional, { categoryId: BILLING, region: null }), false);
    const regionalInBilling = { categoryId: BILLING, region: 'Bretagne' };
    assert.equal(incidentConcerns(regionalInBilling, { categoryId: BILLING, region: null }), true);
    assert.equal(incidentConcerns(regionalInBilling, { categoryId: BILLING, region: 'Normandie' }), false);
    assert.equal(incidentConcerns(regionalInBilling, { categoryId: NETWORK, region: 'Bretagne' }), false);
  });
});

describe('sameRegion', () => {
  it('ignores case, accents and surrounding spaces, not other letters', () => {
    assert.equal(sameRegion(' Île-de-France', 'ile-de-france '), true);
    assert.equal(sameRegion('Bretagne', 'Bourgogne'), false);
  });
});

describe('stillDismissed', () => {
  it('holds until the incident is updated after the dismissal', () => {
    assert.equal(stillDismissed(undefined, '2026-12-01T10:00:00Z'), false);
    assert.equal(stillDismissed('2026-12-01T10:05:00Z', '2026-12-01T10:00:00Z'), true);
    assert.equal(stillDismissed('2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z'), true);
    assert.equal(stillDismissed('2026-12-01T10:05:00Z', '2026-12-01T10:06:00Z'), false);
  });
});

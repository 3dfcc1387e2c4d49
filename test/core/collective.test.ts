import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCollectiveProblems, titleKeywords, type Signal } from '../../src/core/collective.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const titles = ['Pas de 4G', 'Appels coupés', 'SMS bloqués', 'Débit nul', 'Aucune barre', 'Plus rien'];
const signal = (i: number, over: Partial<Signal> = {}): Signal => ({
  kind: 'thread', threadId: i + 1, categoryId: 7, region: 'Occitanie', title: titles[i % titles.length]!, at: minutesAgo(i * 10), ...over,
});

describe('collective problem detection', () => {
  it('keeps accent-free significant words of titles', () => {
    assert.deepEqual(titleKeywords('Réseau coupé à Toulouse depuis ce matin'), ['reseau', 'coupe', 'toulouse', 'matin']);
  });

  it('raises no alert with one signal fewer than the threshold', () => {
    assert.deepEqual(detectCollectiveProblems([0, 1, 2, 3].map((i) => signal(i)), { now }), []);
  });

  it('raises a region alert at the threshold', () => {
    const alerts = detectCollectiveProblems([0, 1, 2, 3, 4].map((i) => signal(i)), { now });
    assert.equal(alerts.length, 1);
    assert.deepEqual({ ...alerts[0], firstAt: undefined, lastAt: undefined }, {
      categoryId: 7, region: 'Occitanie', keywords: [], count: 5, threadIds: [1, 2, 3, 4, 5], firstAt: undefined, lastAt: undefined,
    });
    assert.equal(alerts[0]!.firstAt.toISOString(), minutesAgo(40).toISOString());
  });

  it('counts same-problem marks as signals', () => {
    const marks = [0, 1, 2].map((i) => signal(0, { kind: 'same-problem', at: minutesAgo(i) }));
    const alerts = detectCollectiveProblems([signal(0), signal(1), ...marks], { now });
    assert.equal(alerts[0]?.count, 5);
    assert.deepEqual(alerts[0]?.threadIds, [1, 2]);
  });

  it('ignores signals outside the window and other categories or regions', () => {
    const signals = [signal(0), signal(1), signal(2), signal(3), signal(4, { at: minutesAgo(121) }), signal(5, { categoryId: 8 }), signal(6, { region: 'Bretagne' })];
    assert.deepEqual(detectCollectiveProblems(signals, { now }), []);
  });

  it('groups by shared title keywords when regions are unknown, merging keywords of the same threads', () => {
    const signals = [0, 1, 2, 3, 4].map((i) => signal(i, { region: null, title: `Réseau Toulouse coupé ${i}` }));
    const alerts = detectCollectiveProblems(signals, { now });
    assert.equal(alerts.length, 1);
    assert.deepEqual(alerts[0]?.keywords, ['coupe', 'reseau', 'toulouse']);
    assert.equal(alerts[0]?.region, null);
  });

  it('honours a custom threshold and window', () => {
    assert.equal(detectCollectiveProblems([signal(0), signal(1)], { now, threshold: 2, windowMs: 15 * 60_000 }).length, 1);
    assert.equal(detectCollectiveProblems([signal(0), signal(2)], { now, threshold: 2, windowMs: 15 * 60_000 }).length, 0);
  });

  it('drops every stopword and keeps words from four letters up', () => {
    const stopwords = `avec dans depuis pour plus mais sans sont suis mon mes votre vous nous leur cette quoi comment pourquoi quand
      encore toujours bonjour merci problème question aide with from that this have since when what does still help problem issue your there`;
    assert.deepEqual(titleKeywords(stopwords), []);
    assert.deepEqual(titleKeywords('Wifi HS box'), ['wifi']);
  });

  it('counts a signal at the very start of the window, not one after now', () => {
    const window = { now, threshold: 2, windowMs: 10 * 60_000 };
    assert.equal(detectCollectiveProblems([signal(0), signal(1)], window).length, 1);
    assert.equal(detectCollectiveProblems([signal(0), signal(1, { at: new Date(now.getTime() + 1) })], window).length, 0);
  });

  it('lists thread ids in order and dates the alert from its first to its last signal', () => {
    const [alert] = detectCollectiveProblems([signal(2, { threadId: 30 }), signal(0, { threadId: 4 }), signal(1, { threadId: 12 })], { now, threshold: 3 });
    assert.deepEqual(alert?.threadIds, [4, 12, 30]);
    assert.equal(alert?.firstAt.toISOString(), minutesAgo(20).toISOString());
    assert.equal(alert?.lastAt.toISOString(), now.toISOString());
  });

  it('keeps keyword alerts of the same size apart when their threads differ', () => {
    const panne = [0, 1].map((i) => signal(i, { region: null, title: 'Panne fibre' }));
    const facture = [2, 3].map((i) => signal(i, { region: null, title: 'Facture double' }));
    const alerts = detectCollectiveProblems([...panne, ...facture], { now, threshold: 2 });
    assert.deepEqual(alerts.map((alert) => alert.keywords), [['fibre', 'panne'], ['double', 'facture']]);
  });

  it('keeps keyword alerts apart when their threads differ, largest first, then by category', () => {
    const panne = [0, 1, 2].map((i) => signal(i, { region: null, title: 'Panne fibre' }));
    const facture = [3, 4].map((i) => signal(i, { region: null, title: 'Facture double' }));
    const other = [5, 6].map((i) => signal(i, { region: null, categoryId: 3, title: 'Facture double' }));
    const alerts = detectCollectiveProblems([...facture, ...other, ...panne], { now, threshold: 2 });
    assert.deepEqual(alerts.map((alert) => [alert.categoryId, alert.keywords, alert.count]), [
      [7, ['fibre', 'panne'], 3],
      [3, ['double', 'facture'], 2],
      [7, ['double', 'facture'], 2],
    ]);
  });
});

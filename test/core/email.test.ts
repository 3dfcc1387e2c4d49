/** The e-mail rules of core: which addresses a token may carry, where a notification links, when the daily digest's day begins. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestCutoff, emailProblem, forumLink, isUnsubscribeScope, notificationPath } from '../../src/core/index.ts';
import { readUnsubscribeToken, unsubscribeToken } from '../../src/domain/services/unsubscribe-token.ts';

describe('e-mail rules', () => {
  it('accepts plausible addresses and refuses the rest, header injection included', () => {
    for (const good of ['tom@example.com', 'a.b+forum@sub.brand.example', 'ÉLODIE@exemple.fr']) assert.equal(emailProblem(good), undefined, good);
    for (const bad of ['', 'tom', 'tom@', '@example.com', 'tom@example', 'tom @example.com', 'tom@example.com\r\nBcc: x@y.zz', '<tom@example.com>', 'a,b@example.com', `${'a'.repeat(315)}@b.com`]) {
      assert.notEqual(emailProblem(bad), undefined, JSON.stringify(bad));
    }
  });

  it('links a post in its thread, a private kind to the inbox and never elsewhere', () => {
    assert.equal(notificationPath({ kind: 'reply', threadId: 3, postId: 12, conversationId: null }), '/t/3#post-12');
    assert.equal(notificationPath({ kind: 'incident', threadId: 3, postId: null, conversationId: null }), '/t/3');
    assert.equal(notificationPath({ kind: 'private-message', threadId: 3, postId: null, conversationId: 7 }), '/inbox/7');
    assert.equal(notificationPath({ kind: 'private-opened', threadId: 3, postId: null, conversationId: 7 }), '/inbox/7');
    assert.equal(forumLink('https://brand.example/aide#{path}', '/t/3#post-12'), 'https://brand.example/aide#/t/3#post-12');
    assert.equal(forumLink('https://brand.example/aide{path}', '/preferences'), 'https://brand.example/aide/preferences');
  });

  it('starts the digest’s day at the community’s midnight, summer and winter time included', () => {
    assert.equal(digestCutoff(new Date('2026-12-07T00:30:00Z'), 'UTC').toISOString(), '2026-12-07T00:00:00.000Z');
    assert.equal(digestCutoff(new Date('2026-12-06T23:59:59Z'), 'UTC').toISOString(), '2026-12-06T00:00:00.000Z');
    // 23:30 UTC on the 6th is already the 7th in Paris (UTC+1 in winter): its day began at 23:00 UTC.
    assert.equal(digestCutoff(new Date('2026-12-06T23:30:00Z'), 'Europe/Paris').toISOString(), '2026-12-06T23:00:00.000Z');
    assert.equal(digestCutoff(new Date('2026-12-06T22:30:00Z'), 'Europe/Paris').toISOString(), '2026-12-05T23:00:00.000Z');
    assert.equal(digestCutoff(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris').toISOString(), '2026-06-30T22:00:00.000Z');
    // The day summer time begins (29 March 2026): midnight was still winter time.
    assert.equal(digestCutoff(new Date('2026-03-29T12:00:00Z'), 'Europe/Paris').toISOString(), '2026-03-28T23:00:00.000Z');
    assert.equal(digestCutoff(new Date('2026-12-07T03:00:00Z'), 'America/New_York').toISOString(), '2026-12-06T05:00:00.000Z');
  });

  it('signs unsubscribe tokens: the same key reads them back, a changed member, scope, signature or key does not', () => {
    const token = unsubscribeToken('key-a', 42, 'kudos');
    assert.deepEqual(readUnsubscribeToken('key-a', token), { memberId: 42, scope: 'kudos' });
    assert.equal(readUnsubscribeToken('key-b', token), undefined);
    assert.equal(readUnsubscribeToken('key-a', token.replace('42.', '43.')), undefined);
    assert.equal(readUnsubscribeToken('key-a', token.replace('kudos', 'all')), undefined);
    assert.equal(readUnsubscribeToken('key-a', `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`), undefined);
    assert.equal(readUnsubscribeToken('key-a', 'garbage'), undefined);
    assert.equal(isUnsubscribeScope('all') && isUnsubscribeScope('reply') && !isUnsubscribeScope('gossip'), true);
  });
});

/** Which hosts a webhook may name: the URL checks and the private-address classification. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostAllowed, hostKind, webhookUrlProblem, WEBHOOK_LIMITS } from '../../src/core/index.ts';

const hostOf = (url: string) => new URL(url).hostname;

describe('hostKind', () => {
  it('tells loopback names and addresses, in every spelling the URL parser reads', () => {
    for (const url of ['http://localhost/', 'http://api.localhost/', 'http://127.0.0.1/', 'http://127.9.9.9/', 'http://2130706433/', 'http://0x7f.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://localhost./']) {
      assert.equal(hostKind(hostOf(url)), 'loopback', url);
    }
  });

  it('tells private networks, link-local (cloud metadata), CGNAT, local-only names and the unspecified address', () => {
    for (const url of ['http://10.0.0.1/', 'http://172.16.0.1/', 'http://172.31.255.255/', 'http://192.168.1.10/', 'http://169.254.169.254/', 'http://100.64.0.1/',
      'http://0.0.0.0/', 'http://224.0.0.1/', 'http://[fd12::1]/', 'http://[fe80::1]/', 'http://[::]/', 'http://[::ffff:10.0.0.1]/', 'http://db/', 'http://printer.local/',
      'http://metadata.google.internal/', 'http://nas.home.arpa/']) {
      assert.equal(hostKind(hostOf(url)), 'private', url);
    }
  });

  it('leaves public names and addresses public', () => {
    for (const url of ['https://hooks.example.com/', 'http://8.8.8.8/', 'http://172.32.0.1/', 'http://100.128.0.1/', 'http://[2606:4700::1111]/', 'https://xn--bcher-kva.example/']) {
      assert.equal(hostKind(hostOf(url)), 'public', url);
    }
  });

  it('reads the addresses DNS answers (no brackets)', () => {
    assert.deepEqual(['127.0.0.1', '::1', '10.1.1.1', 'fd00::2', '93.184.216.34', '2001:db8::1'].map(hostKind), ['loopback', 'loopback', 'private', 'private', 'public', 'public']);
  });
});

describe('hostAllowed', () => {
  it('refuse: public only; loopback: and loopback; allow: any', () => {
    const kinds = ['public', 'loopback', 'private'] as const;
    assert.deepEqual(kinds.map((kind) => hostAllowed(kind, 'refuse')), [true, false, false]);
    assert.deepEqual(kinds.map((kind) => hostAllowed(kind, 'loopback')), [true, true, false]);
    assert.deepEqual(kinds.map((kind) => hostAllowed(kind, 'allow')), [true, true, true]);
  });
});

describe('webhookUrlProblem', () => {
  it('accepts http(s) URLs of public hosts, query strings and ports included', () => {
    for (const url of ['https://hooks.example.com/entraide', 'http://hooks.example.com:8080/a?b=c', '  https://hooks.example.com/  ']) {
      assert.equal(webhookUrlProblem(url, 'refuse'), undefined, url);
    }
  });

  it('says what is wrong, in words a form can show', () => {
    assert.equal(webhookUrlProblem('', 'allow'), 'is required');
    assert.equal(webhookUrlProblem('ftp://hooks.example.com/', 'allow'), 'must start with http:// or https://');
    assert.equal(webhookUrlProblem('javascript:alert(1)', 'allow'), 'must start with http:// or https://');
    assert.equal(webhookUrlProblem('https://hooks example.com/', 'allow'), 'must not contain spaces');
    assert.equal(webhookUrlProblem('https://exa[mple.com/', 'allow'), 'is not a valid URL');
    assert.match(webhookUrlProblem('https://user:pass@hooks.example.com/', 'allow')!, /user name or password/);
    assert.match(webhookUrlProblem(`https://hooks.example.com/${'a'.repeat(WEBHOOK_LIMITS.urlMax)}`, 'allow')!, /at most 2000/);
  });

  it('refuses private and loopback hosts as the policy says', () => {
    assert.match(webhookUrlProblem('http://127.0.0.1:9000/hook', 'refuse')!, /private or loopback/);
    assert.equal(webhookUrlProblem('http://127.0.0.1:9000/hook', 'loopback'), undefined);
    assert.match(webhookUrlProblem('http://169.254.169.254/latest/meta-data', 'loopback')!, /private or loopback/);
    assert.equal(webhookUrlProblem('http://10.0.0.5/hook', 'allow'), undefined);
  });
});

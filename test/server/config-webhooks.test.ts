import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../../src/server/config.ts';

describe('webhook configuration', { timeout: 600_000 }, () => {
  it('has no server endpoint by default, and admits public hosts only outside demo mode', () => {
    assert.deepEqual(readConfig({}).webhooks, { privateHosts: 'refuse' });
    assert.deepEqual(readConfig({ ENTRAIDE_DEMO: '1' }).webhooks, { privateHosts: 'loopback' });
  });

  it('reads the server endpoint and the private-host policy', () => {
    const config = readConfig({ ENTRAIDE_WEBHOOK_URL: 'https://hooks.example.com/', ENTRAIDE_WEBHOOK_SECRET: 'a-secret-of-16-chars', ENTRAIDE_WEBHOOK_PRIVATE_HOSTS: 'allow' });
    assert.deepEqual(config.webhooks, { url: 'https://hooks.example.com/', secret: 'a-secret-of-16-chars', privateHosts: 'allow' });
    assert.equal(readConfig({ ENTRAIDE_DEMO: '1', ENTRAIDE_WEBHOOK_PRIVATE_HOSTS: 'refuse' }).webhooks.privateHosts, 'refuse');
  });

  it('refuses an unknown policy, a URL that is not http(s) and a missing secret', () => {
    assert.throws(() => readConfig({ ENTRAIDE_WEBHOOK_PRIVATE_HOSTS: 'yes' }), /ENTRAIDE_WEBHOOK_PRIVATE_HOSTS must be one of refuse, loopback, allow/);
    assert.throws(() => readConfig({ ENTRAIDE_WEBHOOK_URL: 'ftp://x', ENTRAIDE_WEBHOOK_SECRET: 'a-secret-of-16-chars' }), ConfigError);
    assert.throws(() => readConfig({ ENTRAIDE_WEBHOOK_URL: 'https://x.example' }), /ENTRAIDE_WEBHOOK_SECRET/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../../src/server/config.ts';

describe('hand-off webhook configuration', { timeout: 600_000 }, () => {
  it('is off when no URL is set', () => {
    assert.equal(readConfig({}).handoff, undefined);
  });

  it('reads the URL and the secret', () => {
    const config = readConfig({ ENTRAIDE_HANDOFF_WEBHOOK_URL: 'https://backoffice.example.com/cases', ENTRAIDE_HANDOFF_WEBHOOK_SECRET: 'a-secret-of-16-chars' });
    assert.deepEqual(config.handoff, { url: 'https://backoffice.example.com/cases', secret: 'a-secret-of-16-chars' });
  });

  it('refuses a URL that is not http(s) or a missing or short secret', () => {
    assert.throws(() => readConfig({ ENTRAIDE_HANDOFF_WEBHOOK_URL: 'ftp://x', ENTRAIDE_HANDOFF_WEBHOOK_SECRET: 'a-secret-of-16-chars' }), ConfigError);
    assert.throws(() => readConfig({ ENTRAIDE_HANDOFF_WEBHOOK_URL: 'https://x.example' }), /ENTRAIDE_HANDOFF_WEBHOOK_SECRET/);
    assert.throws(() => readConfig({ ENTRAIDE_HANDOFF_WEBHOOK_URL: 'https://x.example', ENTRAIDE_HANDOFF_WEBHOOK_SECRET: 'short' }), ConfigError);
  });
});

/** ENTRAIDE_TRUST_PROXY: whose X-Forwarded-For gives the reader's address, parsed with clear refusals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../../src/server/config.ts';

const trust = (value: string | undefined) => readConfig(value === undefined ? {} : { ENTRAIDE_TRUST_PROXY: value }).trustProxy;

describe('ENTRAIDE_TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    assert.equal(trust(undefined), false);
    assert.equal(trust(''), false);
    assert.equal(trust('  '), false);
  });

  it('takes addresses, CIDRs and proxy-addr\'s range names, or a number of hops', () => {
    assert.deepEqual(trust('127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8'), ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    assert.deepEqual(trust('loopback,uniquelocal'), ['loopback', 'uniquelocal']);
    assert.equal(trust('1'), 1);
    assert.equal(trust('10'), 10);
  });

  for (const bad of ['true', '*', '0', '11', '10.0.0.0/33', '10.0.0.1/8/2', 'nginx', '999.1.1.1', '::1/129', '1.5', '-1']) {
    it(`refuses "${bad}" with a message that says what to write`, () => {
      assert.throws(() => trust(bad), (error: unknown) => error instanceof ConfigError && /ENTRAIDE_TRUST_PROXY/.test(error.message));
    });
  }
});

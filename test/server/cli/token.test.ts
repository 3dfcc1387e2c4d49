/** `entraide-server token`: a JWT the server accepts, the claims it checks, and a clear refusal without a secret. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { verifyToken } from '../../../src/server/auth.ts';
import { runCli, TEST_SECRET } from '../../helpers/cli.ts';

const withSecret = { ENTRAIDE_JWT_SECRET: TEST_SECRET };

describe('entraide-server token', { timeout: 120_000 }, () => {
  it('prints only the token, signed with the secret, for the role and time asked', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { code, stdout, stderr } = await runCli(['token', '--sub', 'brand:42', '--name', 'Claire-Lumen', '--role', 'moderator', '--ttl', '2h'], withSecret);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/, 'the token alone, for TOKEN=$(…)');
    const token = stdout.trim();
    assert.deepEqual(await verifyToken(token, { secret: TEST_SECRET }), { externalId: 'brand:42', pseudonym: 'Claire-Lumen', role: 'moderator', region: undefined });
    const { exp = 0 } = decodeJwt(token);
    assert.ok(Math.abs(exp - (before + 7200)) <= 5, `expires in 2 h (${exp - before} s)`);
    assert.match(stderr, /Token for Claire-Lumen \(moderator\), valid until \d{4}-/);
  });

  it('lasts 15 minutes by default and carries the configured issuer and audience', async () => {
    const env = { ...withSecret, ENTRAIDE_JWT_ISSUER: 'https://id.lumen.example', ENTRAIDE_JWT_AUDIENCE: 'entraide' };
    const { code, stdout } = await runCli(['token', '--sub', 'u1', '--name', 'Ana', '--role', 'member'], env);
    assert.equal(code, 0);
    const claims = decodeJwt(stdout.trim());
    assert.equal(claims.iss, 'https://id.lumen.example');
    assert.equal(claims.aud, 'entraide');
    assert.ok(Math.abs((claims.exp ?? 0) - (claims.iat ?? 0) - 900) <= 1);
    await verifyToken(stdout.trim(), { secret: TEST_SECRET, issuer: 'https://id.lumen.example', audience: 'entraide' });
  });

  it('refuses clearly without a secret (exit 1) and prints no token', async () => {
    const { code, stdout, stderr } = await runCli(['token', '--sub', 'u1', '--name', 'Ana', '--role', 'member']);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /ENTRAIDE_JWT_SECRET is not set/);
  });

  it('carries the member’s address with --email, which the server stores for notification e-mails', async () => {
    const { code, stdout, stderr } = await runCli(['token', '--sub', 'u2', '--name', 'Ana', '--role', 'member', '--email', 'ana@example.com'], withSecret);
    assert.equal(code, 0, stderr);
    assert.deepEqual(await verifyToken(stdout.trim(), { secret: TEST_SECRET }), { externalId: 'u2', pseudonym: 'Ana', role: 'member', region: undefined, email: 'ana@example.com' });
  });

  it('refuses a bad command line (exit 2): the role, a missing claim, the duration, a claim the server would refuse', async () => {
    const { ROLES } = await import('../../../src/core/domain.ts');
    const cases: Array<[string[], RegExp]> = [
      [['--sub', 'u1', '--name', 'Ana', '--role', 'superuser'], new RegExp(`--role must be one of ${ROLES.join(', ')}, got "superuser"`)],
      [['--name', 'Ana', '--role', 'member'], /--sub is required/],
      [['--sub', 'u1', '--name', 'Ana', '--role', 'member', '--ttl', '3 weeks'], /--ttl must be a duration/],
      [['--sub', 'u1', '--name', 'Ana', '--role', 'member', '--ttl', '2d'], /at most|from 1s to 24h/],
      [['--sub', 'u1', '--name', 'A'.repeat(41), '--role', 'member'], /--name must be a pseudonym of 1 to 40 characters/],
      [['--sub', 'u1', '--name', 'Ana', '--role', 'member', '--email', 'ana at example'], /--email must be a plausible e-mail address/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runCli(['token', ...args], withSecret);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  });
});

/** `entraide-server token --sub <id> --name <pseudonym> --role <role> [--ttl 15m]`: a signed JWT for a first admin. */
import { isRole, ROLES } from '../../core/domain.ts';
import { ApiError } from '../../core/errors.ts';
import { readConfig } from '../config.ts';
import { CommandError, EXIT, parseCommand, UsageError, warn, type Command } from './command.ts';

const DEFAULT_TTL = '15m';
/** Longer-lived tokens belong to the brand's sign-in, not to a command line. */
const MAX_TTL_SECONDS = 24 * 3600;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

const usage = `Usage: entraide-server token --sub <id> --name <pseudonym> --role <role> [--email <address>] [--ttl ${DEFAULT_TTL}]

Prints a short-lived JWT signed with ENTRAIDE_JWT_SECRET (HS256, with ENTRAIDE_JWT_ISSUER and
ENTRAIDE_JWT_AUDIENCE when set): what a brand's back end signs for its members, here for the
first staff member before the brand's sign-in is wired, or for a test. Only the token goes to
stdout (TOKEN=$(entraide-server token …)); its expiry goes to stderr. The member is created
on the first request that carries it.

Options:
  --sub <id>           your stable id for the person (the token's sub)
  --name <pseudonym>   the pseudonym shown on the forum
  --role <role>        one of: ${ROLES.join(', ')}
  --region <region>    optional: the member's region (collective-problem detection)
  --email <address>    optional: where the member's notifications are e-mailed
  --ttl <duration>     how long it is valid: 90s, 15m, 2h, 1d (default ${DEFAULT_TTL}, at most 24h)
  -h, --help           show this help`;

/** `15m` → 900; a bare number is seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1) : NaN;
  if (!(seconds > 0) || seconds > MAX_TTL_SECONDS) throw new UsageError(`--ttl must be a duration from 1s to 24h such as 90s, 15m or 2h, got "${text}".`, 'token');
  return seconds;
}

function required(value: string | undefined, option: string): string {
  if (!value) throw new UsageError(`--${option} is required.`, 'token');
  return value;
}

export const tokenCommand: Command = {
  name: 'token',
  summary: 'print a signed short-lived JWT (--sub, --name, --role, --email, --ttl)',
  usage,
  async run(argv) {
    const parsed = parseCommand(this, argv, {
      sub: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, region: { type: 'string' }, email: { type: 'string' }, ttl: { type: 'string', default: DEFAULT_TTL },
    });
    if (!parsed) return EXIT.ok;
    const { sub, name, role, region, email, ttl } = parsed.values;
    const wanted = { sub: required(sub, 'sub'), name: required(name, 'name'), role: required(role, 'role'), region, email };
    if (!isRole(wanted.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${wanted.role}".`, this.name);
    const ttlSeconds = parseTtl(ttl);
    const config = readConfig();
    if (!config.jwt.secret) {
      throw new CommandError('ENTRAIDE_JWT_SECRET is not set: the token needs the secret the server checks tokens with (32 characters or more). With ENTRAIDE_JWKS_URL, tokens come from your identity provider instead.');
    }
    const { claimsOf, signToken } = await import('../auth.ts');
    // The checks the server applies to a token's claims: a token printed here is one it accepts.
    const claims = checkedClaims(() => claimsOf({ ...wanted, role: wanted.role }));
    const { token, expiresAt } = await signToken(config.jwt.secret, { sub: claims.externalId, name: claims.pseudonym, role: claims.role, region: claims.region, email: claims.email },
      { ttlSeconds, issuer: config.jwt.issuer, audience: config.jwt.audience });
    process.stdout.write(`${token}\n`);
    warn(`Token for ${claims.pseudonym} (${claims.role}), valid until ${expiresAt.toISOString()}.`);
    return EXIT.ok;
  },
};

function checkedClaims<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ApiError) throw new UsageError(error.message.replace(/^The token's `(\w+)` claim/, (_match, claim: string) => `--${claim}`), 'token');
    throw error;
  }
}

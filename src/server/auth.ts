/**
 * Sign-in is the brand's job: its back end signs a short-lived JWT naming the member. We
 * verify it with fixed algorithms and a required `exp`, and trust its role only because the
 * brand signed it.
 */
import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ApiError, emailProblem, isRole, ROLES, unfitLine, unstorableText, type Actor, type Role } from '../core/index.ts';
import { LIMITS } from '../core/limits.ts';
import type { Queryable } from '../domain/database.ts';
import { upsertMember, type MemberClaims } from '../domain/repo/members.ts';

export interface AuthOptions {
  /** HS256 shared secret. */
  secret: string | undefined;
  /** The brand's public keys (RS256 / ES256), as a JWKS URL. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** Each kind of key accepts its own algorithms only: an RSA public key is never used as an HMAC secret. */
const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function jwksOf(url: string): ReturnType<typeof createRemoteJWKSet> {
  let set = keySets.get(url);
  if (!set) keySets.set(url, (set = createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })));
  return set;
}

async function verifyWithKnownKey(token: string, options: AuthOptions): Promise<JWTPayload> {
  const common = { requiredClaims: ['exp', 'sub'], issuer: options.issuer, audience: options.audience };
  const { alg } = decodeProtectedHeader(token);
  if (alg && SECRET_ALGORITHMS.includes(alg) && options.secret) {
    return (await jwtVerify(token, keyOf(options.secret), { ...common, algorithms: SECRET_ALGORITHMS })).payload;
  }
  if (alg && JWKS_ALGORITHMS.includes(alg) && options.jwksUrl) {
    return (await jwtVerify(token, jwksOf(options.jwksUrl), { ...common, algorithms: JWKS_ALGORITHMS })).payload;
  }
  throw new ApiError('unauthorized', `Tokens signed with ${alg ?? 'no algorithm'} are not accepted here.`);
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Claims are stored (members table): text PostgreSQL refuses is a bad token, not a crash. */
function refuseClaim(claim: string, problem: string | undefined): void {
  if (problem !== undefined) throw new ApiError('unauthorized', `The token's \`${claim}\` claim ${problem}.`);
}

/** Reads and checks the claims Entraide relies on. */
export function claimsOf(payload: Record<string, unknown>): MemberClaims {
  const { sub, name, role, region, email } = payload;
  if (typeof sub !== 'string' || !sub) throw new ApiError('unauthorized', 'The token has no `sub` claim.');
  if (sub.length > LIMITS.externalIdMax) throw new ApiError('unauthorized', `The token's \`sub\` claim is longer than ${LIMITS.externalIdMax} characters.`);
  if (typeof name !== 'string' || !name.trim() || name.length > LIMITS.pseudonymMax) {
    throw new ApiError('unauthorized', `The token's \`name\` claim must be a pseudonym of 1 to ${LIMITS.pseudonymMax} characters.`);
  }
  if (!isRole(role)) {
    throw new ApiError('unauthorized', `The token's \`role\` claim must be one of ${ROLES.join(', ')}.`);
  }
  if (region !== undefined && (typeof region !== 'string' || region.length > LIMITS.regionMax)) {
    throw new ApiError('unauthorized', `The token's \`region\` claim must be a string of at most ${LIMITS.regionMax} characters.`);
  }
  refuseClaim('sub', unstorableText(sub));
  refuseClaim('name', unfitLine(name));
  if (region !== undefined) refuseClaim('region', unfitLine(region));
  if (email !== undefined) {
    const problem = typeof email === 'string' ? emailProblem(email) : 'be a string';
    refuseClaim('email', problem && `must ${problem}`);
  }
  return { externalId: sub, pseudonym: name.trim(), role, region, ...(typeof email === 'string' && { email }) };
}

export async function verifyToken(token: string, options: AuthOptions): Promise<MemberClaims> {
  return (await verifiedToken(token, options)).claims;
}

/** A token's claims, and when it expires (its required `exp`, in ms). */
async function verifiedToken(token: string, options: AuthOptions): Promise<{ claims: MemberClaims; expiresAtMs: number }> {
  if (!options.secret && !options.jwksUrl) {
    throw new ApiError('unauthorized', 'This server accepts no tokens: set ENTRAIDE_JWT_SECRET or ENTRAIDE_JWKS_URL.');
  }
  try {
    const payload = await verifyWithKnownKey(token, options);
    return { claims: claimsOf(payload), expiresAtMs: payload.exp! * 1000 };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const expired = error instanceof joseErrors.JWTExpired;
    throw new ApiError('unauthorized', expired ? 'The token has expired: sign in again.' : 'The token is not valid.');
  }
}

/**
 * Sign-ins of the last minute in this process. A token checked then is not checked again within
 * that minute, and never past its `exp` (the brand's published keys are cached ten minutes anyway,
 * see `jwksOf`). Each member's
 * last claims and row: that row already says what those claims say, so the same claims again skip
 * the statement; other claims (a new name, role, region or address) write as every sign-in does.
 * One per server: member ids belong to its database.
 */
export class RecentSignIns {
  readonly #tokens = new Map<string, { claims: MemberClaims; until: number }>();
  readonly #members = new Map<string, { claims: string; memberId: number; until: number }>();
  readonly #ttlMs: number;
  readonly #max: number;

  constructor(ttlMs = 60_000, max = 10_000) {
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  /** The token's claims: checked (fixed algorithms, required `exp`) unless it was within the last minute. */
  async claimsOf(token: string, options: AuthOptions): Promise<MemberClaims> {
    const known = this.#tokens.get(token);
    if (known && known.until > Date.now()) return known.claims;
    const { claims, expiresAtMs } = await verifiedToken(token, options);
    remember(this.#tokens, token, { claims, until: Math.min(expiresAtMs, Date.now() + this.#ttlMs) }, this.#max);
    return claims;
  }

  async memberOf(db: Queryable, communityId: number, claims: MemberClaims): Promise<number> {
    const who = `${communityId}:${claims.externalId}`;
    const said = JSON.stringify([claims.pseudonym, claims.role, claims.region ?? null, claims.email ?? null]);
    const last = this.#members.get(who);
    if (last && last.claims === said && last.until > Date.now()) return last.memberId;
    const memberId = await upsertMember(db, communityId, claims);
    remember(this.#members, who, { claims: said, memberId, until: Date.now() + this.#ttlMs }, this.#max);
    return memberId;
  }
}

/** Keeps `value` as the newest entry, the oldest leaving first past `max` (a Map keeps insertion order). */
function remember<V>(entries: Map<string, V>, key: string, value: V, max: number): void {
  entries.delete(key);
  if (entries.size >= max) entries.delete(entries.keys().next().value!);
  entries.set(key, value);
}

/** Who is calling: a guest without a token, the named member with a valid one, 401 otherwise. */
export async function resolveActor(db: Queryable, communityId: number, header: string | undefined, options: AuthOptions, recent: RecentSignIns): Promise<Actor> {
  if (!header) return { role: 'guest' };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new ApiError('unauthorized', 'Send the token as `Authorization: Bearer <token>`.');
  const claims = await recent.claimsOf(match[1], options);
  const memberId = await recent.memberOf(db, communityId, claims);
  return { role: claims.role, memberId };
}

/** Signs a token the way a brand's back end would (demo sign-in, tests, examples). */
export async function signToken(
  secret: string,
  claims: { sub: string; name: string; role: Role; region?: string; email?: string },
  options: { ttlSeconds?: number; issuer?: string; audience?: string } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + (options.ttlSeconds ?? 3600) * 1000);
  const jwt = new SignJWT({ name: claims.name, role: claims.role, ...(claims.region ? { region: claims.region } : {}), ...(claims.email ? { email: claims.email } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return { token: await jwt.sign(keyOf(secret)), expiresAt };
}

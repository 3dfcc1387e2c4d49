/**
 * Property-based fuzzing of every operation of the contract, as a guest, a member, an advisor
 * a moderator and an admin: requests generated from each route's own params, querystring and body schemas
 * (fuzz-values.ts), valid and hostile, sent with `app.inject`. No answer may be a 5xx, and
 * every answer must match the contract: the route's schema for its status, or ErrorBody.
 *
 * Deterministic: FUZZ_SEED (printed on failure) fixes every request; FUZZ_RUNS scales the
 * requests per operation and role (default 8).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';
import { ErrorBody } from '../../../src/contract/errors.ts';
import { routes, type RouteName } from '../../../src/contract/routes.ts';
import { ApiError } from '../../../src/core/index.ts';
import { hostile, hostileTextRecord, incompressible, Pick, Raw, valid, validTextRecord } from '../../helpers/fuzz-values.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const ROLES = ['guest', 'member', 'advisor', 'moderator', 'admin'] as const;
type Role = (typeof ROLES)[number];
/** Answers the transport itself may give on any route with a body, beyond those a route declares. */
const TRANSPORT_ERRORS = new Set([413, 415]);

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  schema: { params?: TSchema; querystring?: TSchema; body?: TSchema; response?: Record<number, TSchema> };
}

interface Generated {
  params: Array<[string, unknown]>;
  query: Array<[string, unknown]>;
  body?: { json: unknown } | { text: string; type: string };
  idempotencyKey?: string;
  /** Index into `hostileAuthorizations`, sent instead of the role's token. */
  hostileAuthorization?: number;
  /** Headers the server reads beyond the token. */
  headers?: Record<string, string>;
}

const HOSTILE_HEADERS = fc.oneof(
  fc.constantFrom('', '*', 'fr-FR,fr;q=0.9', 'en;q=abc', 'xx-YY', ';;;,,,', 'a'.repeat(2000)).map((value) => ({ 'accept-language': value })),
  fc.constantFrom('0', '-1', '1.5', '2147483648', '9223372036854775808', '99999999999999999999', '1e3', 'abc').map((value) => ({ 'last-event-id': value })),
);

let server: TestServer;
let tokens: Record<Exclude<Role, 'guest'>, string>;
/** Authorization headers a caller may send instead of its own: malformed, or signed with claims no brand should send. */
let hostileAuthorizations: string[] = [];

/** Claims the secret signs anyway: each must be a 401 (or a member made), never a 5xx. */
const HOSTILE_CLAIMS: Array<Record<string, unknown>> = [
  { sub: incompressible(4000), name: 'Long sub', role: 'member' },
  { sub: 'fuzz:nul\u0000', name: 'Nul', role: 'member' },
  { sub: 'fuzz:name', name: 'a\u0000b', role: 'member' },
  { sub: 'fuzz:surrogate', name: '\ud800', role: 'member' },
  { sub: 'fuzz:newline', name: 'two\nlines', role: 'member' },
  { sub: 'fuzz:long-name', name: 'n'.repeat(41), role: 'member' },
  { sub: 'fuzz:region', name: 'Region', role: 'member', region: incompressible(4000) },
  { sub: 'fuzz:region-type', name: 'Region', role: 'member', region: 42 },
  { sub: 'fuzz:role', name: 'Role', role: 'root' },
  { sub: 42, name: 'Number sub', role: 'member' },
  { sub: 'fuzz:blank', name: '   ', role: 'advisor' },
  { sub: 'fuzz:ok', name: 'Fuzzy', role: 'member', region: 'île-de-france' },
];

async function signed(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(TEST_SECRET));
}
const pools: Record<string, Array<number | string>> = {};

const POOL_QUERIES: Record<string, string> = {
  threads: 'select id from threads', posts: 'select id from posts', members: 'select id from members', categories: 'select id from categories',
  incidents: 'select id from incidents', faq: 'select id from faq_articles', slugs: 'select slug as id from faq_articles',
  conversations: 'select id from private_conversations', drafts: 'select id from review_drafts', notifications: 'select id from notifications',
};

const base64url = (text: string) => Buffer.from(text).toString('base64url');
/** Cursors are opaque, but a client can forge one: out-of-range ids, odd dates, wrong shapes. */
const FORGED_CURSORS = [
  'p:2147483648', 'p:999999999999', 'p:0', 'o:9999999', 'o:0', '[]', 'null', '"x"',
  ...[2147483648, 1.5, '1', -1, 0, 2 ** 53].map((id) => JSON.stringify(['activity', '2024-01-01T00:00:00.000Z', id])),
  ...['1', '+275760-09-13T00:00:00.000Z', '2024-02-30', 'Tue, 1 Jan 2019 00:00:00 GMT', '0'].map((at) => JSON.stringify(['activity', at, 1])),
  ...['1', '2024-01-01'].map((at) => JSON.stringify(['newest', at, 1])),
].map(base64url);
/** Cursors the server gave out in this run, so next pages are asked for too. */
const seenCursors = new Set<string>();

async function refreshPools(): Promise<void> {
  for (const [pool, sql] of Object.entries(POOL_QUERIES)) {
    pools[pool] = (await server.db.query<{ id: number | string }>(`${sql} order by id desc limit 50`)).map((row) => row.id);
  }
  pools.cursors = [...seenCursors].slice(-30).concat(pools.posts!.slice(0, 10).map((id) => base64url(`p:${id}`)), FORGED_CURSORS);
}

before(async () => {
  server = await createTestServer({ demo: true });
  const { helper, advisor, moderator, admin } = server.fixtures.members;
  tokens = { member: await server.tokenFor(helper), advisor: await server.tokenFor(advisor), moderator: await server.tokenFor(moderator), admin: await server.tokenFor(admin) };
  const malformed = ['Bearer', 'Bearer x.y.z', 'Basic dXNlcjpwYXNz', `Bearer ${tokens.member} extra`, `bearer ${tokens.member.slice(0, -2)}`, `Bearer ${'a'.repeat(5000)}`];
  hostileAuthorizations = [...malformed, ...(await Promise.all(HOSTILE_CLAIMS.map(async (claims) => `Bearer ${await signed(claims)}`)))];
  await refreshPools();
});
after(() => server.close());

/** Replaces every `Pick` with an id that exists now (1 when the pool is empty). */
function resolve(value: unknown): unknown {
  if (value instanceof Pick) {
    const pool = pools[value.pool] ?? [];
    return pool.length ? pool[value.n % pool.length] : 1;
  }
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object' && !(value instanceof Raw)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  return value;
}

function encoded(value: unknown): string {
  const resolved = resolve(value);
  if (resolved instanceof Raw) return resolved.text;
  try {
    return encodeURIComponent(String(resolved));
  } catch {
    return '%ED%A0%80'; // a lone surrogate has no UTF-8: send the bytes a careless client would
  }
}

const BAD_BODIES = [
  { text: '{', type: 'application/json' }, { text: '', type: 'application/json' }, { text: '{"a":1} trailing', type: 'application/json' },
  { text: '{"__proto__":{"admin":true}}', type: 'application/json' }, { text: 'body=x', type: 'text/plain' }, { text: '"\\u0000"', type: 'application/json' },
  // Deep nesting, still under the body limit: nothing may walk it by recursion.
  { text: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, type: 'application/json' }, { text: `{"body":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, type: 'application/json' },
];

/** Half the requests are valid throughout (they reach the handlers); half carry hostile parts anywhere. */
function generator(route: Route): fc.Arbitrary<Generated> {
  const { params, querystring, body } = route.schema;
  const none = fc.constant<Array<[string, unknown]>>([]);
  const textRecord = (schema: TSchema | undefined, mode: 'valid' | 'hostile') => (schema ? (mode === 'valid' ? validTextRecord : hostileTextRecord)(schema as never) : none);
  const request = (mode: 'valid' | 'hostile') => fc.record({
    params: textRecord(params, mode),
    query: textRecord(querystring, mode),
    body: !body ? fc.constant(undefined)
      : mode === 'valid' ? valid(body as never).map((json) => ({ json }))
      : fc.oneof({ weight: 12, arbitrary: hostile(body as never).map((json) => ({ json })) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_BODIES) }),
    idempotencyKey: route.method === 'GET' || mode === 'valid' ? fc.constant(undefined) : fc.option(fc.constantFrom('fuzz-key-00000001', 'short', 'x'.repeat(300), 'bad key!'), { nil: undefined, freq: 8 }),
    hostileAuthorization: mode === 'valid' ? fc.constant(undefined) : fc.option(fc.nat(), { nil: undefined, freq: 6 }),
    headers: mode === 'valid' ? fc.constant(undefined) : fc.option(HOSTILE_HEADERS, { nil: undefined, freq: 4 }),
  }, { requiredKeys: ['params', 'query', 'body'] });
  return fc.oneof(request('valid'), request('hostile'));
}

type Sent = InjectOptions & { url: string; payload?: string; payloadAsStream: boolean };

function requestOf(route: Route, generated: Generated, role: Role): Sent {
  const params = new Map(generated.params);
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => encoded(params.get(name) ?? ''));
  const query = generated.query.map(([key, value]) => `${encodeURIComponent(key)}=${encoded(value)}`).join('&');
  const headers: Record<string, string> = { ...generated.headers };
  if (role !== 'guest') headers.authorization = `Bearer ${tokens[role]}`;
  if (generated.hostileAuthorization !== undefined) headers.authorization = hostileAuthorizations[generated.hostileAuthorization % hostileAuthorizations.length]!;
  if (generated.idempotencyKey) headers['idempotency-key'] = generated.idempotencyKey;
  let payload: string | undefined;
  if (generated.body && 'json' in generated.body) {
    payload = JSON.stringify(resolve(generated.body.json)) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (generated.body) {
    payload = generated.body.text;
    headers['content-type'] = generated.body.type;
  }
  return { method: route.method, url: `/api${path}${query ? `?${query}` : ''}`, headers, payload, payloadAsStream: !route.schema.response };
}

const checkers = new Map<TSchema, ReturnType<typeof Compile>>();
const checkerOf = (schema: TSchema) => checkers.get(schema) ?? checkers.set(schema, Compile(schema)).get(schema)!;

async function bodyOf(response: LightMyRequestResponse, streamed: boolean): Promise<string> {
  if (!streamed) return response.body;
  const stream = response.stream();
  if (response.statusCode === 200) {
    stream.destroy();
    return '';
  }
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Why this answer breaks the contract, or undefined when it keeps it. */
function mismatch(route: Route, status: number, contentType: string, text: string): string | undefined {
  if (status >= 500) return `answered ${status}`;
  // The event stream declares no answers: a 200 is the stream, anything else an ErrorBody.
  if (!route.schema.response && status < 400) return status === 200 && contentType.startsWith('text/event-stream') ? undefined : `${status} without an event stream (${contentType})`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `not JSON (${contentType})`;
  }
  const declared = route.schema.response?.[status];
  if (status >= 400) {
    if (!checkerOf(ErrorBody).Check(json)) return `error body is not ErrorBody: ${JSON.stringify([...checkerOf(ErrorBody).Errors(json)].slice(0, 3))}`;
    const { code } = (json as ErrorBody).error;
    if (new ApiError(code, '').statusCode !== status) return `code ${code} with status ${status}`;
    return declared || TRANSPORT_ERRORS.has(status) || !route.schema.response ? undefined : `status ${status} is not in the contract`;
  }
  if (!declared) return `status ${status} is not in the contract`;
  const checker = checkerOf(declared);
  return checker.Check(json) ? undefined : `body does not match the ${status} schema: ${JSON.stringify([...checker.Errors(json)].slice(0, 3))}`;
}

const clip = (text: string | undefined, max = 300) => (text && text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

it('no generated request gets a 5xx or an answer outside the contract', { timeout: 600_000 }, async () => {
  const started = Date.now();
  const operations = Object.entries(routes) as Array<[RouteName, Route]>;
  const plans = operations.map(([name, route], index) => ({
    name, route,
    samples: ROLES.map((_, roleIndex) => fc.sample(generator(route), { seed: SEED + index * 31 + roleIndex, numRuns: RUNS })),
  }));
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const byOperation = new Map<string, number[]>();
  let requests = 0;
  for (let run = 0; run < RUNS; run += 1) {
    for (const { name, route, samples } of plans) {
      for (const [roleIndex, role] of ROLES.entries()) {
        const request = requestOf(route, samples[roleIndex]![run]!, role);
        const response = await server.app.inject(request);
        const text = await bodyOf(response, request.payloadAsStream);
        requests += 1;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        byOperation.set(`${name} ${role}`, [...(byOperation.get(`${name} ${role}`) ?? []), response.statusCode]);
        const nextCursor = /"nextCursor":"([\w-]+)"/.exec(text)?.[1];
        if (nextCursor) seenCursors.add(nextCursor);
        const problem = mismatch(route, response.statusCode, String(response.headers['content-type'] ?? ''), text);
        if (problem) failures.push(`${name} as ${role} (run ${run}): ${problem}\n    ${request.method} ${clip(request.url, 200)}\n    payload ${clip(request.payload)}\n    answer ${clip(text)}`);
      }
    }
    await refreshPools();
  }
  const counts = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
  const fivexx = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
  console.log(`fuzz: ${operations.length} operations, ${requests} requests, roles ${ROLES.join('/')}, ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}, runs ${RUNS}; statuses ${counts}; 5xx = ${fivexx}`);
  if (process.env.FUZZ_VERBOSE) for (const [key, codes] of byOperation) console.log(`  ${key}: ${codes.join(' ')}`);
  assert.equal(failures.length, 0, `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}: ${failures.length} answers broke the contract:\n${failures.slice(0, 25).join('\n')}`);
});

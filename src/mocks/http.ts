/**
 * What every mocked route shares: latency, forced failures, the bearer token, query and body
 * checks the way the server makes them, and the contract's `{ error: { code, message, details } }`.
 */
import { HttpResponse, delay, http, type HttpHandler } from 'msw';
import type { ErrorBody } from '../contract/errors.ts';
import { routes, type RouteName } from '../contract/routes.ts';
import { isSignedIn, decimalInteger, ID_MAX, LOCALES, type Actor, type Locale } from '../core/index.ts';
import { MockApiError, type MockStore } from './store.ts';

/** How a route fails on purpose: an HTTP status (answered with an error body) or a dropped connection. */
export type Failure = number | 'network';

export interface HandlerOptions {
  baseUrl: string;
  /** Milliseconds added before each answer, or a [min, max] range. */
  latency: number | [number, number];
  /** Mutable: tests may add or remove failures while the worker runs. */
  failures: Partial<Record<RouteName, Failure>>;
}

const STATUS_CODES: Record<number, ErrorBody['error']['code']> = {
  400: 'validation_failed', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 429: 'rate_limited', 503: 'unavailable',
};

export function errorResponse(status: number, code: ErrorBody['error']['code'], message: string, details?: unknown) {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return HttpResponse.json(body, { status });
}

export async function wait(latency: HandlerOptions['latency']): Promise<void> {
  const [min, max] = Array.isArray(latency) ? latency : [latency, latency];
  const ms = min + Math.random() * (max - min);
  if (ms > 0) await delay(ms);
}

/** The signed-in actor, a guest when no token is sent; a token naming nobody is a 401. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], name: string, fallback: T): T {
  if (value === null) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new MockApiError(400, 'validation_failed', `${name} must be one of ${allowed.join(', ')}.`, [{ in: 'querystring', path: `/${name}`, message: 'not allowed' }]);
}

export function actorOf(store: MockStore, request: Request): Actor {
  const header = request.headers.get('authorization');
  if (!header) return { role: 'guest' };
  const token = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
  const member = store.memberForToken(token);
  return { role: member.role, memberId: member.id };
}

export function requireMember(store: MockStore, request: Request): Extract<Actor, { memberId: number }> {
  const actor = actorOf(store, request);
  if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
  return actor;
}

export function positiveInt(value: string | null | undefined, field: string, fallback?: number): number {
  if ((value === null || value === undefined) && fallback !== undefined) return fallback;
  const number = decimalInteger(value ?? '');
  if (number === undefined || number < 1 || number > ID_MAX) {
    throw new MockApiError(400, 'validation_failed', `${field} must be a positive integer.`, [{ path: `/${field}`, message: 'must be a positive integer' }]);
  }
  return number;
}

export function localeParam(value: string | null): Locale | undefined {
  if (value === null) return undefined;
  if ((LOCALES as readonly string[]).includes(value)) return value as Locale;
  throw new MockApiError(400, 'validation_failed', `locale must be one of ${LOCALES.join(', ')}.`, [{ path: '/locale', message: 'unknown locale' }]);
}

/** JSON object bodies only, with exactly the keys the contract allows (additionalProperties: false). */
export async function readBody(request: Request, allowed: Record<string, BodyFieldType>, required: string[]): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new MockApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new MockApiError(400, 'validation_failed', 'The body must be a JSON object.');
  const record = body as Record<string, unknown>;
  const problems = Object.keys(record).filter((key) => !(key in allowed)).map((key) => ({ path: `/${key}`, message: 'is not allowed' }));
  for (const [key, type] of Object.entries(allowed)) {
    if (!(key in record)) {
      if (required.includes(key)) problems.push({ path: `/${key}`, message: 'is required' });
    } else if (typeOf(record[key]) !== type) problems.push({ path: `/${key}`, message: `must be ${type === 'array' ? 'an' : 'a'} ${type}` });
  }
  const first = problems[0];
  if (first) throw new MockApiError(400, 'validation_failed', `${first.path.slice(1)} ${first.message}.`, problems);
  return record;
}

export type Resolver = (info: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => Response | Promise<Response>;

export type BodyFieldType = 'string' | 'number' | 'boolean' | 'array' | 'object';

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

export type RouteFactory = (name: RouteName, resolve: Resolver) => HttpHandler;

/**
 * Builds the handler of one route, at the contract's method and URL (msw's `:param` syntax is
 * the contract's): latency, forced failures and error bodies, the same for every route.
 */
export function routeFactory(options: HandlerOptions): RouteFactory {
  const base = options.baseUrl.replace(/\/$/, '');
  return (name, resolve) =>
    http[lowerCase(routes[name].method)](`${base}${routes[name].url}`, async (info) => {
      await wait(options.latency);
      const failure = options.failures[name];
      if (failure === 'network') return HttpResponse.error();
      if (typeof failure === 'number') return errorResponse(failure, STATUS_CODES[failure] ?? (failure >= 500 ? 'internal' : 'conflict'), failure >= 500 ? 'Internal server error.' : `Forced failure (HTTP ${failure}).`);
      try {
        return await resolve(info);
      } catch (error) {
        if (error instanceof MockApiError) return errorResponse(error.status, error.code, error.message, error.details);
        throw error;
      }
    });
}

const lowerCase = <M extends string>(method: M) => method.toLowerCase() as Lowercase<M>;

export const param = (value: string | readonly string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value) as string | undefined;
export const query = (request: Request): URLSearchParams => new URL(request.url).searchParams;

/** What an area module of the mocks receives to build its handlers. */
export interface MockContext {
  store: MockStore;
  route: RouteFactory;
}

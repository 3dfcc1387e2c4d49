/**
 * msw handlers for every route of `src/contract/routes.ts`, over a `MockStore`. Requests are
 * checked the way the server checks them (bearer token, query and body shapes) and refusals
 * carry the contract's `{ error: { code, message, details } }` body.
 */
import { HttpResponse, delay, http, type HttpHandler } from 'msw';
import type { ErrorBody } from '../contract/errors.ts';
import type { LiveEvent } from '../contract/models.ts';
import type { RouteName } from '../contract/routes.ts';
import { LIMITS, LOCALES, type Actor, type Locale } from '../core/index.ts';
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

function errorResponse(status: number, code: ErrorBody['error']['code'], message: string, details?: unknown) {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return HttpResponse.json(body, { status });
}

async function wait(latency: HandlerOptions['latency']): Promise<void> {
  const [min, max] = Array.isArray(latency) ? latency : [latency, latency];
  const ms = min + Math.random() * (max - min);
  if (ms > 0) await delay(ms);
}

/** The signed-in actor, a guest when no token is sent; a token naming nobody is a 401. */
function oneOf<T extends string>(value: string | null, allowed: readonly T[], name: string, fallback: T): T {
  if (value === null) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new MockApiError(400, 'validation_failed', `${name} must be one of ${allowed.join(', ')}.`, [{ in: 'querystring', path: `/${name}`, message: 'not allowed' }]);
}

function actorOf(store: MockStore, request: Request): Actor {
  const header = request.headers.get('authorization');
  if (!header) return { role: 'guest' };
  const token = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
  const member = store.memberForToken(token);
  return { role: member.role, memberId: member.id };
}

function requireMember(store: MockStore, request: Request): Extract<Actor, { memberId: number }> {
  const actor = actorOf(store, request);
  if (actor.role === 'guest') throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
  return actor;
}

function positiveInt(value: string | null | undefined, field: string, fallback?: number): number {
  if ((value === null || value === undefined) && fallback !== undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new MockApiError(400, 'validation_failed', `${field} must be a positive integer.`, [{ path: `/${field}`, message: 'must be a positive integer' }]);
  }
  return number;
}

function localeParam(value: string | null): Locale | undefined {
  if (value === null) return undefined;
  if ((LOCALES as readonly string[]).includes(value)) return value as Locale;
  throw new MockApiError(400, 'validation_failed', `locale must be one of ${LOCALES.join(', ')}.`, [{ path: '/locale', message: 'unknown locale' }]);
}

/** JSON object bodies only, with exactly the keys the contract allows (additionalProperties: false). */
async function readBody(request: Request, allowed: Record<string, 'string' | 'number'>, required: string[]): Promise<Record<string, unknown>> {
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
    } else if (typeof record[key] !== type) problems.push({ path: `/${key}`, message: `must be a ${type}` });
  }
  const first = problems[0];
  if (first) throw new MockApiError(400, 'validation_failed', `${first.path.slice(1)} ${first.message}.`, problems);
  return record;
}

type Resolver = (info: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => Response | Promise<Response>;

export function createHandlers(store: MockStore, options: HandlerOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/$/, '');

  /** Latency, forced failures and error bodies, the same for every route. */
  const route = (name: RouteName, method: 'get' | 'post' | 'delete', path: string, resolve: Resolver): HttpHandler =>
    http[method](`${base}${path}`, async (info) => {
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
  const param = (value: string | readonly string[] | undefined) => (Array.isArray(value) ? value[0] : value) as string | undefined;
  const query = (request: Request) => new URL(request.url).searchParams;

  return [
    route('health', 'get', '/health', () => HttpResponse.json({ ok: true })),
    route('getCommunity', 'get', '/community', ({ request }) => HttpResponse.json(store.community(localeParam(query(request).get('locale'))))),
    route('listThreads', 'get', '/threads', ({ request }) => {
      const q = query(request);
      const limit = positiveInt(q.get('limit'), 'limit', LIMITS.pageSizeDefault);
      if (limit > LIMITS.pageSizeMax) throw new MockApiError(400, 'validation_failed', `limit must be at most ${LIMITS.pageSizeMax}.`, [{ path: '/limit', message: 'too large' }]);
      const filter = oneOf(q.get('filter'), ['all', 'unanswered', 'solved', 'mine'] as const, 'filter', 'all');
      const sort = oneOf(q.get('sort'), ['activity', 'newest'] as const, 'sort', 'activity');
      const actor = actorOf(store, request);
      return HttpResponse.json(store.listThreads({ categoryId: positiveInt(q.get('categoryId'), 'categoryId'), cursor: q.get('cursor'), limit, filter, sort }, actor));
    }),
    route('getThread', 'get', '/threads/:threadId', ({ params }) => HttpResponse.json(store.getThread(positiveInt(param(params.threadId), 'threadId')))),
    route('createThread', 'post', '/threads', async ({ request }) => {
      const actor = requireMember(store, request);
      const body = await readBody(request, { categoryId: 'number', title: 'string', body: 'string', locale: 'string' }, ['categoryId', 'title', 'body']);
      const input = { categoryId: positiveInt(String(body.categoryId), 'categoryId'), title: String(body.title), body: String(body.body), locale: localeParam((body.locale as string | undefined) ?? null) };
      return HttpResponse.json(store.createThread(actor, input), { status: 201 });
    }),
    route('replyToThread', 'post', '/threads/:threadId/posts', async ({ request, params }) => {
      const actor = requireMember(store, request);
      const threadId = positiveInt(param(params.threadId), 'threadId');
      const body = await readBody(request, { body: 'string' }, ['body']);
      return HttpResponse.json(store.reply(actor, threadId, { body: String(body.body) }), { status: 201 });
    }),
    route('getMember', 'get', '/members/:memberId', ({ params }) => HttpResponse.json(store.profile(positiveInt(param(params.memberId), 'memberId')))),
    ...[true, false].map((give) =>
      route(give ? 'giveKudos' : 'takeBackKudos', give ? 'post' : 'delete', '/posts/:postId/kudos', ({ request, params }) =>
        HttpResponse.json(store.giveKudos(requireMember(store, request), positiveInt(param(params.postId), 'postId'), give)))),
    ...[true, false].map((mark) =>
      route(mark ? 'markSameProblem' : 'unmarkSameProblem', mark ? 'post' : 'delete', '/threads/:threadId/same-problem', ({ request, params }) =>
        HttpResponse.json(store.markSameProblem(requireMember(store, request), positiveInt(param(params.threadId), 'threadId'), mark)))),
    route('acceptSolution', 'post', '/threads/:threadId/solution', async ({ request, params }) => {
      const actor = requireMember(store, request);
      const { postId } = await readBody(request, { postId: 'number' }, ['postId']);
      return HttpResponse.json(store.acceptSolution(actor, positiveInt(param(params.threadId), 'threadId'), positiveInt(String(postId), 'postId')));
    }),
    route('withdrawSolution', 'delete', '/threads/:threadId/solution', ({ request, params }) =>
      HttpResponse.json(store.acceptSolution(requireMember(store, request), positiveInt(param(params.threadId), 'threadId'), null))),
    route('getSession', 'get', '/session', ({ request }) => {
      const actor = actorOf(store, request);
      return HttpResponse.json({ member: actor.role === 'guest' ? null : store.author(actor.memberId) });
    }),
    route('listDemoMembers', 'get', '/demo/members', () => {
      if (!store.community().demo) throw new MockApiError(404, 'not_found', 'Demo sign-in is off.');
      return HttpResponse.json({ items: store.members() });
    }),
    route('demoSignIn', 'post', '/demo/sign-in', async ({ request }) => {
      if (!store.community().demo) throw new MockApiError(404, 'not_found', 'Demo sign-in is off.');
      const { memberId } = await readBody(request, { memberId: 'number' }, ['memberId']);
      const member = store.author(positiveInt(String(memberId), 'memberId'));
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      return HttpResponse.json({ token: store.tokenFor(member.id), expiresAt, member });
    }),
    route('events', 'get', '/events', ({ request }) => {
      const q = query(request);
      const filter = {
        threadId: q.has('threadId') ? positiveInt(q.get('threadId'), 'threadId') : undefined,
        categoryId: q.has('categoryId') ? positiveInt(q.get('categoryId'), 'categoryId') : undefined,
      };
      return eventStream(store, filter, request.signal);
    }),
  ];
}

/** A text/event-stream that forwards the store's live events until the client goes away. */
function eventStream(store: MockStore, filter: { threadId?: number; categoryId?: number }, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let next = 1;
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A first comment makes the response start at once, as the server's does.
      controller.enqueue(encoder.encode(': connected\n\n'));
      const unsubscribe = store.subscribe(filter, (event: LiveEvent) => {
        controller.enqueue(encoder.encode(`id: ${next++}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
      });
      stop = () => {
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the reader.
        }
      };
      signal.addEventListener('abort', stop, { once: true });
    },
    cancel() {
      stop();
    },
  });
  return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
}

/**
 * The msw adapter of the domain: every contract route dispatched to the same use case the
 * server runs (`src/domain/operations`), over a PGlite database in the page or in Node. The
 * rules, checks, refusals and live events are the server's own; only the bearer token and the
 * transport are the adapter's.
 */
import { HttpResponse, http, type HttpHandler } from 'msw';
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { decimalInteger, isSignedIn, type Actor, type LiveFilter } from '../../core/index.ts';
import type { Database } from '../../domain/database.ts';
import { ApiError, STATUS_OF } from '../../core/index.ts';
import { LIVE_HEADERS, LiveHub } from '../../domain/live.ts';
import { adapterRoutes, endpoints, type Endpoint } from '../../domain/operations/endpoints.ts';
import type { AdapterRoute, DomainContext, OperationName } from '../../domain/operations/index.ts';
import { loadCommunity } from '../../domain/repo/community.ts';
import { membersByIds } from '../../domain/repo/workspace.ts';
import { findAuthor } from '../../domain/repo/members.ts';
import { errorResponse, wait, type Latency } from './respond.ts';
import { readCall, type RouteSchema } from './request.ts';
import { liveStream } from './stream.ts';

/** How a route fails on purpose: an HTTP status (answered with an error body) or a dropped connection. */
export type Failure = number | 'network';

export interface ForumMocksOptions {
  /** The database the forum lives in, migrated and seeded (e.g. PGlite loaded from a pre-built dump). */
  db: Database;
  /**
   * Where the mocked API lives, like the SDK's `baseUrl`: by default `/api` of the page in a
   * browser, and `http://localhost/api` in Node (no page there: a path alone matches no request).
   * The result's `baseUrl` is what to give the SDK.
   */
  baseUrl?: string;
  /** Milliseconds before each answer (default 0), or a [min, max] range. */
  latency?: Latency;
  /** Routes that fail on purpose: `{ replyToThread: 500, getThread: 'network' }`. */
  failures?: Partial<Record<OperationName | AdapterRoute, Failure>>;
  /** Demo mode (the demo sign-in's member list); default true. */
  demo?: boolean;
  /**
   * The brand's back office that takes hand-offs: by default a mock one, answering each case
   * with the next reference (`BO-004201`, `BO-004202`…); `false` for none (hand-offs answer 409).
   */
  backOffice?: false | ((request: Request) => string | Promise<string>);
}

export interface ForumMocks {
  handlers: HttpHandler[];
  /** The mocked API's base URL: give it to the SDK (`createEntraideClient({ baseUrl: mocks.baseUrl })`). */
  baseUrl: string;
  db: Database;
  /** The live failure table: change it to make a route fail, or recover, mid-test. */
  failures: Partial<Record<OperationName | AdapterRoute, Failure>>;
  /** A bearer token for a member of the database (by id): the mocks' tokens name a member, nothing more. */
  tokenFor(memberId: number): string;
  /** Live-stream readers connected now. */
  liveClients(): number;
  close(): Promise<void>;
}

const TOKEN_PREFIX = 'mock-member-';
const DEMO_TOKEN_MS = 8 * 3_600_000;

/** A refusal as the server answers it: the code's status and the contract's error body. */
const refusal = (error: ApiError): Response => errorResponse(error.statusCode, error.code, error.message, error.details);

function forced(failure: Failure | undefined): Response | undefined {
  if (failure === undefined) return undefined;
  if (failure === 'network') return HttpResponse.error();
  const code = Object.entries(STATUS_OF).find(([, status]) => status === failure)?.[0] ?? 'internal';
  return refusal(new ApiError(code as keyof typeof STATUS_OF, `Failure forced by the mocks (HTTP ${failure}).`));
}

/** `/api` of the page in a browser; in Node, where a bare path matches no request, an absolute URL. */
export function defaultBaseUrl(): string {
  return globalThis.location ? '/api' : 'http://localhost/api';
}

export async function createForumMocks(options: ForumMocksOptions): Promise<ForumMocks> {
  const { db } = options;
  const found = await loadCommunity(db);
  if (!found) throw new Error('The mocks need a database with a community in it (load the demo data).');
  const community = found;
  const base = (options.baseUrl ?? defaultBaseUrl()).replace(/\/$/, '');
  // The back office is reached by the domain's own fetch, which msw answers like any other request.
  const backOfficeUrl = new URL(`${base}/__mock-back-office/cases`, globalThis.location?.href ?? 'http://entraide.mocks').href;
  const handoff = options.backOffice === false ? undefined : { url: backOfficeUrl, secret: 'mock-back-office' };
  // Webhooks may name localhost (the mocks serve tests and stories, never production); nothing is sent from here.
  const ctx: DomainContext = { db, community, postIntervals: { memberSeconds: 0, newMemberSeconds: 0 }, demo: options.demo ?? true, handoff, webhooks: { privateHosts: 'loopback' } };
  const live = new LiveHub(db, community);
  await live.start();
  const failures = { ...options.failures };

  /** The member a token names; a guest without one; 401 for a token naming nobody, as the server answers a bad token. */
  async function actorOf(request: Request): Promise<Actor> {
    const header = request.headers.get('authorization');
    if (!header) return { role: 'guest' };
    const id = decimalInteger(/^Bearer mock-member-(\d+)$/i.exec(header)?.[1] ?? '');
    const [member] = id === undefined ? [] : await membersByIds(db, community, [id]);
    if (!member) throw new ApiError('unauthorized', 'The token is not valid.');
    return { role: member.role, memberId: member.id };
  }

  async function answer({ name, route, operation, status, bareBodyIsEmpty }: Endpoint, request: Request, params: Record<string, string | readonly string[] | undefined>): Promise<Response> {
    await wait(options.latency ?? 0);
    const failure = forced(failures[name]);
    if (failure) return failure;
    try {
      // In the server's order: the request is checked against the contract before the token is read.
      const call = await readCall(route.schema as RouteSchema, request, params, bareBodyIsEmpty);
      call.actor = await actorOf(request);
      if (!operation.public && !isSignedIn(call.actor)) throw new ApiError('unauthorized', 'Sign in to do this.');
      const result = await operation.run(ctx, call);
      const schema = (route.schema.response as Record<number, TSchema>)[status]!;
      // As the server's serializer does: only what the contract declares leaves.
      return HttpResponse.json(Value.Clean(schema, Value.Clone(result)) as never, { status });
    } catch (error) {
      if (error instanceof ApiError) return refusal(error);
      console.error(`entraide mocks: ${name} failed`, error);
      return refusal(new ApiError('internal', 'Something went wrong on our side; nothing was saved.'));
    }
  }

  const handlers: HttpHandler[] = [];
  let cases = 4200;
  if (options.backOffice !== false) {
    const reference = options.backOffice ?? (() => `BO-${String((cases += 1)).padStart(6, '0')}`);
    handlers.push(http.post(backOfficeUrl, async ({ request }) => HttpResponse.json({ reference: await reference(request) })));
  }
  for (const endpoint of endpoints({ demo: ctx.demo })) {
    const method = endpoint.route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    handlers.push(http[method](`${base}${endpoint.route.url}`, ({ request, params }) => answer(endpoint, request, params)));
  }
  const tokenFor = (memberId: number): string => `${TOKEN_PREFIX}${memberId}`;
  /** A route only the adapter answers, with the same forced failures and refusals as the others. */
  const adapterRoute = (name: AdapterRoute, resolve: (request: Request) => Promise<Response>): HttpHandler =>
    http[adapterRoutes[name].method.toLowerCase() as 'get' | 'post'](`${base}${adapterRoutes[name].url}`, async ({ request }) => {
      const failure = forced(failures[name]);
      if (failure) return failure;
      try {
        return await resolve(request);
      } catch (error) {
        if (error instanceof ApiError) return refusal(error);
        throw error;
      }
    });

  // The demo sign-in mints the mocks' kind of token; the server signs a JWT for the same member.
  if (ctx.demo) {
    handlers.push(adapterRoute('demoSignIn', async (request) => {
      const { body } = await readCall(adapterRoutes.demoSignIn.schema, request, {}, false);
      const { memberId } = body as unknown as { memberId: number };
      const member = await findAuthor(db, memberId, community.ladder);
      if (!member) throw new ApiError('not_found', `Demo member ${memberId} was not found.`);
      return HttpResponse.json({ token: tokenFor(memberId), expiresAt: new Date(Date.now() + DEMO_TOKEN_MS).toISOString(), member });
    }));
  }
  // Readiness: the mocks' database answers a query (its migrations came with the dump it loaded).
  handlers.push(adapterRoute('ready', async () => {
    await db.query('select 1').catch(() => {
      throw new ApiError('unavailable', 'The database does not answer.');
    });
    return HttpResponse.json({ ok: true });
  }));
  handlers.push(adapterRoute('events', async (request) => {
    const { query } = await readCall(adapterRoutes.events.schema, request, {}, false);
    const actor = await actorOf(request);
    const filter = query as unknown as LiveFilter;
    const header = request.headers.get('last-event-id');
    const resumeAt = header === null ? undefined : decimalInteger(header);
    const lastEventId = header === null ? undefined : resumeAt !== undefined && Number.isSafeInteger(resumeAt) ? resumeAt : 'reset';
    return new HttpResponse(liveStream(live, filter, lastEventId, actor, request.signal), { headers: LIVE_HEADERS });
  }));

  return {
    handlers,
    baseUrl: base,
    db,
    failures,
    tokenFor,
    liveClients: () => live.size,
    close: async () => {
      await live.stop();
    },
  };
}

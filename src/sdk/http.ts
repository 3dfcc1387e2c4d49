import type { ErrorBody, RouteAnswer, RouteInput, RouteName, RouteRef } from '../contract/index.ts';
import { EntraideError } from './errors.ts';

export interface RetryOptions {
  /** Extra attempts after the first (default 2). */
  retries?: number;
  /** First backoff delay in ms, doubled each time, with jitter (default 300). */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included (default 10 000). */
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** Where the API lives, e.g. `/api` or `https://forum.example.com/api`. */
  baseUrl: string;
  /** A fixed bearer token. */
  token?: string;
  /**
   * Called before each request for the current token; wins over `token`. After a 401 it is
   * called once more with `{ refresh: true, refused }` and the request is retried with the new
   * token. `refused` is the token the API refused: when the page already replaced it (another
   * request was refused first), it may hand back the current one instead of refreshing again.
   */
  getToken?: (context: { refresh: boolean; refused?: string }) => string | null | undefined | Promise<string | null | undefined>;
  /**
   * The API refused the token and no fresh one came (e.g. the server's keys changed): the
   * session is over. From then on that token is no longer sent, reads are retried as a guest
   * (public content still shows), and writes fail with the 401. Called once per refused token.
   */
  onTokenRejected?: (context: { token: string }) => void;
  /** Injectable fetch (tests, msw, custom agents). Defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * Retries of network errors, 429 and 503 (honouring Retry-After): always for reads, and for
   * writes because each write carries an Idempotency-Key. `false` turns retries off.
   */
  retry?: RetryOptions | false;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** The key a write is sent with; one is made per call when omitted, so retries never duplicate. */
  idempotencyKey?: string;
}

type Query = Record<string, string | number | boolean | undefined>;

export interface HttpRequest extends RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  /** With a token, add `viewer=apart` (see `callApart`). */
  apartWhenSignedIn?: boolean;
}

/**
 * The arguments of a call of route `N`: its input (`params`, `query`, `body`, typed from the
 * contract; optional when nothing in it is required), then the request options.
 */
export type CallArgs<N extends RouteName> = Record<never, never> extends RouteInput<N>
  ? [input?: RouteInput<N>, request?: RequestOptions]
  : [input: RouteInput<N>, request?: RequestOptions];

const RETRYABLE_STATUS = new Set([429, 503]);

/** The transport under every resource: URL building, auth, retries, JSON, typed errors. */
export class Http {
  readonly #options: ClientOptions;
  readonly #retry: Required<RetryOptions>;
  #token: string | undefined;
  /** The last token the API refused: never sent again, whoever hands it back. */
  #rejected: string | undefined;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#token = options.token;
    const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
    this.#retry = { retries: retry.retries ?? 2, baseDelayMs: retry.baseDelayMs ?? 300, maxDelayMs: retry.maxDelayMs ?? 10_000 };
  }

  setToken(token: string | undefined): void {
    this.#token = token;
  }

  /** The static token (the live stream reopens as its new holder when it changed). */
  get token(): string | undefined {
    return this.#token;
  }

  url(path: string, query: Query = {}): string {
    const base = this.#options.baseUrl.replace(/\/$/, '');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    const qs = search.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  /**
   * The token to send next, if any (a refused one never is): as usual, or after `refused` was
   * refused a fresh one from `getToken`. No fresh token ends the refused one's session as surely
   * as a refusal.
   */
  async tokenAfter(refused: string | undefined): Promise<string | undefined> {
    const given = (this.#options.getToken ? await this.#options.getToken({ refresh: refused !== undefined, refused }) : this.#token) || undefined;
    const token = given === this.#rejected ? undefined : given;
    if (refused && !token) this.rejectToken(refused);
    return token;
  }

  /** Ends the session of a token the API refused (see `onTokenRejected`); the live stream calls it too. */
  rejectToken(token: string): void {
    if (token === this.#rejected) return;
    this.#rejected = token;
    if (this.#token === token) this.#token = undefined;
    this.#options.onTokenRejected?.({ token });
  }

  /** Whether a refused token may be refreshed: only a `getToken` can give another one. */
  get canRefresh(): boolean {
    return this.#options.getToken !== undefined;
  }

  get fetch(): typeof fetch {
    return this.#options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Calls one route of the contract: fills its `:params` (URL-encoded) and query, sends the body. */
  call<N extends RouteName>(route: RouteRef<N>, ...args: CallArgs<N>): Promise<RouteAnswer<N>> {
    return this.request(routeRequest(route, ...args));
  }

  /**
   * A read whose signed-in reader's own state comes apart: sent with a token, it asks `viewer=apart`
   * (the bytes their audience shares); a guest's stays the plain read, whole. Says which it was
   * (a token refused meanwhile makes it a guest's).
   */
  callApart<N extends RouteName>(route: RouteRef<N>, ...args: CallArgs<N>): Promise<{ answer: RouteAnswer<N>; signedIn: boolean }> {
    return this.#send({ ...routeRequest(route, ...args), apartWhenSignedIn: true });
  }

  async request<T>(req: HttpRequest): Promise<T> {
    return (await this.#send<T>(req)).answer;
  }

  async #send<T>(req: HttpRequest): Promise<{ answer: T; signedIn: boolean }> {
    const label = `${req.method} ${req.path}`;
    const isWrite = req.method !== 'GET';
    const extra: Record<string, string> = {};
    if (req.body !== undefined) extra['content-type'] = 'application/json';
    if (isWrite) extra['idempotency-key'] = req.idempotencyKey ?? newKey();
    let refreshed = false;
    let asGuest = false;
    let refused: string | undefined;
    for (let attempt = 0; ; attempt += 1) {
      const token = asGuest ? undefined : await this.tokenAfter(refused);
      refused = undefined;
      const sent = token && req.apartWhenSignedIn ? { ...req, query: { ...req.query, viewer: 'apart' } } : req;
      const outcome = await this.#attempt(sent, label, withToken(extra, token));
      if (outcome.ok) return { answer: (await this.#read<T>(outcome.response, label)) as T, signedIn: token !== undefined };
      const { error, retryAfterMs } = outcome;
      if (error.status === 401 && token) {
        if (this.canRefresh && !refreshed) {
          refreshed = true;
          refused = token;
          continue;
        }
        this.rejectToken(token);
        // A read is tried again as a guest: public content never depends on a session.
        if (isWrite) throw error;
        asGuest = true;
        continue;
      }
      if (!this.#retryable(error) || attempt >= this.#retry.retries || req.signal?.aborted) throw error;
      await sleep(this.#delay(attempt, retryAfterMs), req.signal);
    }
  }

  #retryable(error: EntraideError): boolean {
    return error.code === 'network_error' || RETRYABLE_STATUS.has(error.status);
  }

  #delay(attempt: number, retryAfterMs: number | undefined): number {
    const backoff = this.#retry.baseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
    return Math.min(this.#retry.maxDelayMs, Math.max(backoff, retryAfterMs ?? 0));
  }

  async #attempt(req: HttpRequest, label: string, headers: Record<string, string>): Promise<{ ok: true; response: Response } | { ok: false; error: EntraideError; retryAfterMs?: number }> {
    let response: Response;
    try {
      response = await this.fetch(this.url(req.path, req.query), {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: req.signal,
      });
    } catch (cause) {
      const aborted = req.signal?.aborted || (cause instanceof Error && cause.name === 'AbortError');
      const message = aborted ? 'The request was cancelled.' : 'The server could not be reached.';
      return { ok: false, error: new EntraideError({ status: 0, code: aborted ? 'aborted' : 'network_error', message, request: label, cause }) };
    }
    if (response.ok) return { ok: true, response };
    const retryAfter = Number(response.headers.get('retry-after'));
    return { ok: false, error: await this.#failure(response, label), retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined };
  }

  async #read<T>(response: Response, label: string): Promise<T | undefined> {
    const text = await response.text();
    try {
      return text ? (JSON.parse(text) as T) : undefined;
    } catch (cause) {
      throw new EntraideError({ status: response.status, code: 'invalid_response', message: `Unreadable answer from the server (HTTP ${response.status}).`, request: label, cause });
    }
  }

  async #failure(response: Response, label: string): Promise<EntraideError> {
    let body: Partial<ErrorBody> | undefined;
    try {
      body = (await this.#read<Partial<ErrorBody>>(response, label)) ?? undefined;
    } catch {
      body = undefined;
    }
    const error = body?.error;
    return new EntraideError({
      status: response.status,
      code: error?.code ?? (response.status >= 500 ? 'internal' : 'invalid_response'),
      message: error?.message ?? `HTTP ${response.status}`,
      details: error?.details,
      request: label,
    });
  }
}

/** A route of the contract as a request: its `:params` filled (URL-encoded), its query and body. */
function routeRequest<N extends RouteName>(route: RouteRef<N>, ...[input, request]: CallArgs<N>): HttpRequest {
  const { params = {}, query, body } = (input ?? {}) as { params?: Record<string, string | number>; query?: Query; body?: unknown };
  // An encoded value holds no space: the one space left still parts the method from the path.
  const [method, path] = route.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key]!)).split(' ') as [HttpRequest['method'], string];
  return { method, path, query, body, ...request };
}

export function withToken(extra: Record<string, string>, token: string | undefined): Record<string, string> {
  return { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

function newKey(): string {
  return globalThis.crypto.randomUUID();
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

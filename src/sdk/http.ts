import type { ErrorBody } from '../contract/index.ts';
import { EntraideError } from './errors.ts';

export interface ClientOptions {
  /** Where the API lives, e.g. `/api` or `https://forum.example.com/api`. */
  baseUrl: string;
  /** A fixed bearer token. */
  token?: string;
  /** Called before each request for a fresh token; wins over `token`. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Injectable fetch (tests, msw, custom agents). Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

type Query = Record<string, string | number | boolean | undefined>;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** The transport under every resource: URL building, auth header, JSON, typed errors. */
export class Http {
  readonly #options: ClientOptions;
  #token: string | undefined;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#token = options.token;
  }

  setToken(token: string | undefined): void {
    this.#token = token;
  }

  url(path: string, query: Query = {}): string {
    const base = this.#options.baseUrl.replace(/\/$/, '');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    const qs = search.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  async headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const token = this.#options.getToken ? await this.#options.getToken() : this.#token;
    return { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
  }

  get fetch(): typeof fetch {
    return this.#options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async request<T>(req: HttpRequest): Promise<T> {
    const label = `${req.method} ${req.path}`;
    const headers = await this.headers(req.body === undefined ? {} : { 'content-type': 'application/json' });
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
      throw new EntraideError({
        status: 0,
        code: aborted ? 'aborted' : 'network_error',
        message: aborted ? 'The request was cancelled.' : 'The server could not be reached.',
        request: label,
        cause,
      });
    }
    return this.#read<T>(response, label);
  }

  async #read<T>(response: Response, label: string): Promise<T> {
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      throw new EntraideError({ status: response.status, code: response.ok ? 'invalid_response' : 'internal', message: `Unreadable answer from the server (HTTP ${response.status}).`, request: label, cause });
    }
    if (response.ok) return body as T;
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    throw new EntraideError({
      status: response.status,
      code: error?.code ?? (response.status >= 500 ? 'internal' : 'invalid_response'),
      message: error?.message ?? `HTTP ${response.status}`,
      details: error?.details,
      request: label,
    });
  }
}

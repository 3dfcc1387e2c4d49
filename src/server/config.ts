/** Everything the server reads from its environment, parsed once, with clear messages. */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { DEFAULT_POST_INTERVALS, type PostIntervals } from '../core/throttle.ts';
import { PRIVATE_HOST_POLICIES, type PrivateHostPolicy } from '../core/webhooks.ts';
import type { EmailOptions } from './email-drainer.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** ENTRAIDE_COMMUNITY: the slug of the community to serve; default: the first one. */
  community: string | undefined;
  demo: boolean;
  /** ENTRAIDE_LOG_LEVEL: JSON log lines at this level and above (`silent`: none). */
  logLevel: LogLevel;
  jwt: { secret: string | undefined; jwksUrl: string | undefined; issuer: string | undefined; audience: string | undefined };
  /** Where the built demo page and bundles are served from. */
  staticDir: string;
  limits: Limits;
  /**
   * ENTRAIDE_WEBHOOK_URL and ENTRAIDE_WEBHOOK_SECRET: every event is POSTed there too, signed
   * (beside the webhooks each community's admins add); ENTRAIDE_WEBHOOK_PRIVATE_HOSTS: which
   * private hosts those admins' webhooks may name.
   */
  webhooks: { url?: string; secret?: string; privateHosts: PrivateHostPolicy };
  /** ENTRAIDE_HANDOFF_WEBHOOK_URL and ENTRAIDE_HANDOFF_WEBHOOK_SECRET: the brand's back office, which opens a case per hand-off. */
  handoff: { url: string; secret: string } | undefined;
  timeouts: Timeouts;
  /** ENTRAIDE_ALLOWED_ORIGINS: the brand pages (origins) that may call the API from a browser (CORS). */
  allowedOrigins: string[];
  /**
   * ENTRAIDE_PAGES=1: server-rendered pages of the read path (`/`, `/c/<slug>`, `/t/<id>-<slug>`,
   * `/faq/<slug>`, `sitemap.xml`) around the static directory's `index.html`, at ENTRAIDE_PUBLIC_URL.
   */
  pages: { publicUrl: string } | undefined;
  /** ENTRAIDE_SMTP_URL, _EMAIL_FROM, _EMAIL_DELAY_SECONDS, _PUBLIC_URL, _PUBLIC_FORUM_URL: notifications by e-mail. */
  email: EmailOptions;
  /**
   * ENTRAIDE_TRUST_PROXY: the proxies whose `X-Forwarded-For` gives the reader's address (rate
   * limits count per address): their addresses or CIDRs (`127.0.0.1,10.0.0.0/8`), `loopback`,
   * `uniquelocal`, or a number of hops. Unset: none; behind nginx every guest would share one count.
   */
  trustProxy: TrustProxy;
}

/** Fastify's `trustProxy`, as far as this server lets it be set: never "trust any sender". */
export type TrustProxy = false | number | string[];

/** As Fastify's option takes it: a number of hops becomes proxy-addr's test of the hop. */
export function fastifyTrustProxy(trust: TrustProxy | undefined): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust ?? false;
  return (_address, hop) => hop < trust;
}

/** How long a client may take (milliseconds; 0 = no limit): a slow client holds a socket, never the server. */
export interface Timeouts {
  /** The whole request, body included. */
  requestMs: number;
  headersMs: number;
  /** An idle connection between two requests. */
  keepAliveMs: number;
  /** A connection on which nothing is read or written. */
  idleMs: number;
  /** The event stream's comment line, so that the idle limits here and in proxies never close it. */
  heartbeatMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 72_000, idleMs: 60_000, heartbeatMs: 15_000 };

export interface Limits {
  /** Requests per minute per member (or per IP for guests); 0 turns the limit off. */
  requestsPerMinute: number;
  postIntervals: PostIntervals;
}

export const DEFAULT_LIMITS: Limits = { requestsPerMinute: 200, postIntervals: DEFAULT_POST_INTERVALS };

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${name} must be a number of 0 or more, got "${raw}".`);
  return value;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function jwksUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.ENTRAIDE_JWKS_URL || undefined;
  if (url && !/^https?:\/\//.test(url)) throw new ConfigError('ENTRAIDE_JWKS_URL must be an http(s) URL.');
  return url;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  const secret = env.ENTRAIDE_JWT_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('ENTRAIDE_JWT_SECRET must be at least 32 characters long (HS256 needs a 256-bit secret).');
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset to use the embedded database).');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.ENTRAIDE_DATA_DIR ?? '.entraide'),
    community: env.ENTRAIDE_COMMUNITY || undefined,
    demo: env.ENTRAIDE_DEMO === '1',
    logLevel: readLogLevel(env),
    jwt: { secret, jwksUrl: jwksUrl(env), issuer: env.ENTRAIDE_JWT_ISSUER || undefined, audience: env.ENTRAIDE_JWT_AUDIENCE || undefined },
    staticDir: resolve(env.ENTRAIDE_STATIC_DIR ?? 'dist/demo'),
    webhooks: readWebhooks(env, env.ENTRAIDE_DEMO === '1'),
    handoff: readHandoff(env),
    timeouts: readTimeouts(env),
    allowedOrigins: readAllowedOrigins(env),
    pages: env.ENTRAIDE_PAGES === '1' ? { publicUrl: httpUrl(env, 'ENTRAIDE_PUBLIC_URL') ?? `http://localhost:${port}` } : undefined,
    email: readEmail(env, port),
    trustProxy: readTrustProxy(env),
    limits: {
      requestsPerMinute: seconds(env, 'ENTRAIDE_RATE_LIMIT_PER_MINUTE', DEFAULT_LIMITS.requestsPerMinute),
      postIntervals: {
        memberSeconds: seconds(env, 'ENTRAIDE_POST_INTERVAL_SECONDS', DEFAULT_POST_INTERVALS.memberSeconds),
        newMemberSeconds: seconds(env, 'ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS', DEFAULT_POST_INTERVALS.newMemberSeconds),
      },
    },
  };
}

function readLogLevel(env: NodeJS.ProcessEnv): LogLevel {
  const level = env.ENTRAIDE_LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError(`ENTRAIDE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}".`);
  return level as LogLevel;
}

function readTimeouts(env: NodeJS.ProcessEnv): Timeouts {
  const ms = (name: string, fallback: number) => Math.round(seconds(env, name, fallback / 1000) * 1000);
  const timeouts = {
    requestMs: ms('ENTRAIDE_REQUEST_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.requestMs),
    headersMs: ms('ENTRAIDE_HEADERS_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.headersMs),
    keepAliveMs: ms('ENTRAIDE_KEEP_ALIVE_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.keepAliveMs),
    idleMs: ms('ENTRAIDE_IDLE_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.idleMs),
    heartbeatMs: ms('ENTRAIDE_SSE_HEARTBEAT_SECONDS', DEFAULT_TIMEOUTS.heartbeatMs),
  };
  if (!(timeouts.heartbeatMs > 0) || (timeouts.idleMs > 0 && timeouts.heartbeatMs >= timeouts.idleMs)) {
    throw new ConfigError('ENTRAIDE_SSE_HEARTBEAT_SECONDS must be above 0 and below ENTRAIDE_IDLE_TIMEOUT_SECONDS, or the event stream would be cut as idle.');
  }
  return timeouts;
}

function readWebhooks(env: NodeJS.ProcessEnv, demo: boolean): ServerConfig['webhooks'] {
  const privateHosts = readPrivateHosts(env, demo);
  const url = env.ENTRAIDE_WEBHOOK_URL || undefined;
  if (!url) return { privateHosts };
  if (!/^https?:\/\//.test(url)) throw new ConfigError('ENTRAIDE_WEBHOOK_URL must start with http:// or https://.');
  const secret = env.ENTRAIDE_WEBHOOK_SECRET || '';
  if (secret.length < 16) throw new ConfigError('ENTRAIDE_WEBHOOK_SECRET must be set (16 characters or more) when ENTRAIDE_WEBHOOK_URL is.');
  return { url, secret, privateHosts };
}

/** Public hosts only in production; the demo may also name localhost (a receiver on the same machine). */
function readPrivateHosts(env: NodeJS.ProcessEnv, demo: boolean): PrivateHostPolicy {
  const raw = env.ENTRAIDE_WEBHOOK_PRIVATE_HOSTS || undefined;
  if (raw === undefined) return demo ? 'loopback' : 'refuse';
  if (!(PRIVATE_HOST_POLICIES as readonly string[]).includes(raw)) {
    throw new ConfigError(`ENTRAIDE_WEBHOOK_PRIVATE_HOSTS must be one of ${PRIVATE_HOST_POLICIES.join(', ')}, got "${raw}".`);
  }
  return raw as PrivateHostPolicy;
}

function readHandoff(env: NodeJS.ProcessEnv): ServerConfig['handoff'] {
  const url = env.ENTRAIDE_HANDOFF_WEBHOOK_URL || undefined;
  if (!url) return undefined;
  if (!/^https?:\/\//.test(url)) throw new ConfigError('ENTRAIDE_HANDOFF_WEBHOOK_URL must start with http:// or https://.');
  const secret = env.ENTRAIDE_HANDOFF_WEBHOOK_SECRET || '';
  if (secret.length < 16) throw new ConfigError('ENTRAIDE_HANDOFF_WEBHOOK_SECRET must be set (16 characters or more) when ENTRAIDE_HANDOFF_WEBHOOK_URL is.');
  return { url, secret };
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const url = env[name] || undefined;
  if (url && !(/^https?:\/\//.test(url) && URL.canParse(url))) throw new ConfigError(`${name} must be an http(s) URL, got "${url}".`);
  return url;
}

/** E-mail is off without ENTRAIDE_SMTP_URL; with it, a sender address is required. */
function readEmail(env: NodeJS.ProcessEnv, port: number): EmailOptions {
  const publicUrl = httpUrl(env, 'ENTRAIDE_PUBLIC_URL') ?? `http://localhost:${port}`;
  const smtpUrl = env.ENTRAIDE_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('ENTRAIDE_SMTP_URL must start with smtp:// or smtps:// (a nodemailer transport URL).');
  const from = env.ENTRAIDE_EMAIL_FROM || undefined;
  if (smtpUrl && !from) throw new ConfigError('ENTRAIDE_EMAIL_FROM must be set when ENTRAIDE_SMTP_URL is, e.g. "Forum <forum@brand.example>".');
  const forumUrl = httpUrl(env, 'ENTRAIDE_PUBLIC_FORUM_URL');
  if (forumUrl && !forumUrl.includes('{path}')) {
    throw new ConfigError('ENTRAIDE_PUBLIC_FORUM_URL must contain {path}, e.g. https://brand.example/aide#{path} (hash routing) or https://brand.example/aide{path} (base path).');
  }
  return {
    smtpUrl, from,
    // Rendered pages route with clean paths: the links follow them.
    forumUrl: forumUrl ?? (env.ENTRAIDE_PAGES === '1' ? `${publicUrl.replace(/\/+$/, '')}{path}` : undefined),
    delaySeconds: seconds(env, 'ENTRAIDE_EMAIL_DELAY_SECONDS', 300),
    publicUrl,
  };
}

/** Comma-separated origins, each exactly `scheme://host[:port]`: a path or a typo would silently match nothing. */
export function readAllowedOrigins(env: NodeJS.ProcessEnv): string[] {
  const entries = (env.ENTRAIDE_ALLOWED_ORIGINS ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const origin = URL.canParse(entry) ? new URL(entry).origin : 'null';
    if (origin !== entry || !/^https?:/.test(entry)) {
      const hint = origin !== 'null' && /^https?:/.test(origin) ? ` (did you mean ${origin}?)` : '';
      throw new ConfigError(`ENTRAIDE_ALLOWED_ORIGINS: "${entry}" is not an origin${hint}; write http(s)://host[:port], no path, e.g. https://www.example.com.`);
    }
  }
  return entries;
}

/** proxy-addr's names for address ranges, as Fastify's `trustProxy` accepts them. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function readTrustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.ENTRAIDE_TRUST_PROXY?.trim();
  if (!raw) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 10) throw new ConfigError(`ENTRAIDE_TRUST_PROXY: ${raw} hops; write 1 to 10 (the proxies in front of the server), or their addresses.`);
    return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const version = isIP(address ?? '');
    const maxBits = version === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!PROXY_RANGES.has(entry) && (!version || !validBits || extra !== undefined)) {
      throw new ConfigError(`ENTRAIDE_TRUST_PROXY: "${entry}" is not an address, a CIDR or one of loopback, linklocal, uniquelocal (e.g. 127.0.0.1,10.0.0.0/8).`);
    }
  }
  return entries;
}

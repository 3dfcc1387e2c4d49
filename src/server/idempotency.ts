/**
 * `Idempotency-Key` on writes (as in Stripe's API): the first request with a key is handled and
 * its answer kept for a day; a retry with the same key and the same request gets that answer
 * again instead of writing twice. The key is held while the first request runs, so two copies
 * sent at once cannot both write.
 */
import { createHash } from 'node:crypto';
import { ApiError, isSignedIn } from '../core/index.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../domain/database.ts';

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\w.:-]{8,200}$/;
/** A first request that never finished (crashed server) frees its key after this. */
const PENDING_TTL_SECONDS = 60;
const KEEP_HOURS = 24;
const PRUNE_EVERY_MS = 3_600_000;

interface Held {
  memberId: number;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: Held;
  }
}

function hashOf(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
}

async function claim(db: Database, request: FastifyRequest, reply: FastifyReply, memberId: number, key: string): Promise<void> {
  const hash = hashOf(request);
  // One round trip: a new key, or one whose first request never finished, is taken over.
  const [claimed] = await db.query<{ key: string }>(
    `insert into idempotency_keys (member_id, key, request_hash) values ($1, $2, $3)
     on conflict (member_id, key) do update set request_hash = excluded.request_hash, created_at = now()
       where idempotency_keys.status is null and idempotency_keys.created_at < now() - make_interval(secs => $4)
     returning key`,
    [memberId, key, hash, PENDING_TTL_SECONDS],
  );
  if (claimed) {
    request.idempotency = { memberId, key };
    return;
  }
  const [stored] = await db.query<{ request_hash: string; status: number | null; response: unknown }>(
    'select request_hash, status, response from idempotency_keys where member_id = $1 and key = $2',
    [memberId, key],
  );
  if (!stored) throw new ApiError('conflict', 'This Idempotency-Key was just released; send the request again.');
  if (stored.request_hash !== hash) throw new ApiError('conflict', 'This Idempotency-Key was already used for a different request.');
  if (stored.status === null) throw new ApiError('conflict', 'A request with this Idempotency-Key is still being handled; retry in a moment.');
  await reply.status(stored.status).header('idempotent-replayed', 'true').send(stored.response);
}

/** Installs the hooks on the API scope; call after the hook that resolves `request.actor`. */
export function installIdempotency(api: FastifyInstance, db: Database): void {
  api.addHook('preHandler', async (request, reply) => {
    const key = request.headers[HEADER];
    if (key === undefined || request.method === 'GET' || !isSignedIn(request.actor)) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new ApiError('validation_failed', 'Idempotency-Key must be 8 to 200 letters, digits, or . _ : -', [{ in: 'headers', path: '/idempotency-key', message: 'invalid' }]);
    }
    await claim(db, request, reply, request.actor.memberId, key);
  });

  // Kept answers are forgotten after a day, checked hourly for as long as the server runs.
  let pruning: NodeJS.Timeout | undefined;
  api.addHook('onReady', async () => {
    await pruneIdempotencyKeys(db);
    pruning = setInterval(() => void pruneIdempotencyKeys(db).catch(() => undefined), PRUNE_EVERY_MS);
    pruning.unref();
  });
  api.addHook('onClose', async () => clearInterval(pruning));

  api.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency;
    if (!held) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      await db.query('update idempotency_keys set status = $3, response = $4 where member_id = $1 and key = $2', [held.memberId, held.key, reply.statusCode, payload]);
    } else {
      // A refused request wrote nothing: the same key may be tried again.
      await db.query('delete from idempotency_keys where member_id = $1 and key = $2', [held.memberId, held.key]);
    }
    return payload;
  });
}

/** Forgets answers older than a day. */
async function pruneIdempotencyKeys(db: Database): Promise<void> {
  await db.query(`delete from idempotency_keys where created_at < now() - make_interval(hours => $1)`, [KEEP_HOURS]);
}

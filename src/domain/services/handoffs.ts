/**
 * Hand-offs to the brand's back office (study §17–18, §27): when a customer's account must be
 * opened, an advisor asks the brand's system to open a case. The call is a signed webhook
 * answered at once with the case reference; only then is anything written: the reference
 * (staff-only) and the public trace telling the customer an advisor took the case in private.
 */
import { hmacHex } from '../hmac.ts';
import type { Handoff, HandoffList, HandoffWithTrace, NewHandoff } from '../../contract/areas/review.ts';
import { ApiError, guardian, type Actor } from '../../core/index.ts';
import { HANDOFF_TRACE_TEXTS } from '../../core/review.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import { writeAudit } from '../repo/audit.ts';
import type { CommunityContext } from '../repo/community.ts';
import { findHandoff, findHandoffThreadRow, insertHandoff, threadHandoffs, type HandoffRow, type HandoffThread } from '../repo/handoffs.ts';
import { writeTrace } from './private.ts';

export interface HandoffOptions {
  url: string;
  secret: string;
  /** How long the back office has to answer (default 5 s). */
  timeoutMs?: number;
}

export const HANDOFF_SIGNATURE_HEADER = 'entraide-signature';
const DEFAULT_TIMEOUT_MS = 5000;
const REFERENCE_MAX = 200;

/** Stripe-style: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; a replayed body with a new `t` fails. */
export function signHandoff(secret: string, body: string, unixSeconds = Math.floor(Date.now() / 1000)): string {
  const digest = hmacHex(secret, `${unixSeconds}.${body}`);
  return `t=${unixSeconds},v1=${digest}`;
}

async function findHandoffThread(db: Queryable, community: CommunityContext, threadId: number, lock = false): Promise<HandoffThread> {
  const thread = await findHandoffThreadRow(db, community, threadId, lock);
  if (!thread) throw notFound(`Thread ${threadId}`);
  return thread;
}

function refuseClosedThread(actor: Extract<Actor, { memberId: number }>, thread: HandoffThread): void {
  refuseMerged(thread);
  if (!guardian(actor).threads.canReply(thread)) throw new ApiError('conflict', `This thread is ${thread.status}: no trace can be left on it.`);
}

const upstream = (message: string) => new ApiError('upstream_failed', `The back office did not open the case: ${message}. Nothing was saved; try again.`);

/** POSTs the signed case request; the reference from a 2xx JSON answer, or 502. */
async function requestCase(options: HandoffOptions, body: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HANDOFF_SIGNATURE_HEADER]: signHandoff(options.secret, body) },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw upstream(error instanceof Error && error.name === 'TimeoutError' ? 'no answer in time' : 'it could not be reached');
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw upstream(`it answered HTTP ${response.status}`);
  }
  const answer: unknown = await response.json().catch(() => null);
  const reference = (answer as { reference?: unknown } | null)?.reference;
  if (typeof reference !== 'string' || !reference.trim() || reference.length > REFERENCE_MAX) throw upstream('its answer had no case reference');
  return reference.trim();
}

function toHandoff(row: HandoffRow): Handoff {
  return {
    id: row.id, threadId: row.thread_id, reference: row.reference, reason: row.reason,
    advisor: { id: row.advisor_id, pseudonym: row.advisor_pseudonym }, tracePostId: row.trace_post_id, createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function createHandoff(
  { db, community, handoff: options }: ServiceContext<'handoff'>, { actor: caller, threadId, body: input }: { actor: Actor; threadId: number; body: NewHandoff },
): Promise<HandoffWithTrace> {
  const actor = guardian(caller).review.ensureHandOff();
  const reason = input.reason.trim();
  if (reason.length < 2) throw new ApiError('validation_failed', 'reason needs at least 2 characters that are not spaces.', [{ in: 'body', path: '/reason', message: 'too short' }]);
  const thread = await findHandoffThread(db, community, threadId);
  // `reason` lets an element say it in its own words; the message is for the server's operator.
  if (!options) throw new ApiError('conflict', 'No back office is configured: set ENTRAIDE_HANDOFF_WEBHOOK_URL and ENTRAIDE_HANDOFF_WEBHOOK_SECRET.', { reason: 'no-back-office' });
  refuseClosedThread(actor, thread);
  // The call happens outside any transaction: no row stays locked while the back office thinks.
  const body = JSON.stringify({
    event: 'handoff.requested', requestId: globalThis.crypto.randomUUID(), sentAt: new Date().toISOString(),
    data: {
      community: community.id, threadId, threadTitle: thread.title, reason,
      customer: { id: thread.asker_id, externalId: thread.asker_external_id, pseudonym: thread.asker_pseudonym },
      advisor: { id: actor.memberId },
    },
  });
  const reference = await requestCase(options, body);
  return db.transaction(async (tx) => {
    const locked = await findHandoffThread(tx, community, threadId, true);
    refuseClosedThread(actor, locked);
    const trace = await writeTrace(tx, community, { id: threadId, categoryId: locked.category_id }, actor.memberId, HANDOFF_TRACE_TEXTS[locked.locale]);
    const handoffId = await insertHandoff(tx, community, { threadId, advisorId: actor.memberId, reason, reference, tracePostId: trace.id });
    await writeAudit(tx, { actorId: actor.memberId, action: 'thread.handoff', targetType: 'thread', targetId: threadId, reason, before: null, after: { reference } });
    const row = await findHandoff(tx, handoffId);
    if (!row) throw new Error('new hand-off not found');
    return { handoff: toHandoff(row), trace };
  });
}

export async function listHandoffs({ db, community }: ServiceContext, { actor, threadId }: { actor: Actor; threadId: number }): Promise<HandoffList> {
  guardian(actor).review.ensureSeeHandoffs();
  await findHandoffThread(db, community, threadId);
  const rows = await threadHandoffs(db, community, threadId);
  return { items: rows.map(toHandoff) };
}

/** SQL of hand-offs to the brand's back office (../services/handoffs.ts calls it and keeps the rules). */
import type { Locale, ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';

export interface HandoffThread {
  id: number;
  category_id: number;
  title: string;
  status: ThreadStatus;
  locale: Locale;
  merged_into_id: number | null;
  asker_id: number;
  asker_external_id: string;
  asker_pseudonym: string;
}

/** The thread of this community with its asker (locked when asked); undefined when unknown. */
export async function findHandoffThreadRow(db: Queryable, community: CommunityContext, threadId: number, lock = false): Promise<HandoffThread | undefined> {
  const [thread] = await db.query<HandoffThread>(
    `select t.id, t.category_id, t.title, t.status, t.locale, t.merged_into_id,
       m.id as asker_id, m.external_id as asker_external_id, m.pseudonym as asker_pseudonym
     from threads t join categories c on c.id = t.category_id join members m on m.id = t.author_id
     where t.id = $1 and c.community_id = $2${lock ? ' for update of t' : ''}`,
    [threadId, community.id],
  );
  return thread;
}

export interface HandoffRow {
  id: number;
  thread_id: number;
  reference: string;
  reason: string;
  advisor_id: number;
  advisor_pseudonym: string;
  trace_post_id: number;
  created_at: Date;
}

const HANDOFF_SELECT = `select h.id, h.thread_id, h.reference, h.reason, h.advisor_id, m.pseudonym as advisor_pseudonym, h.trace_post_id, h.created_at
  from thread_handoffs h join members m on m.id = h.advisor_id`;

export async function insertHandoff(
  tx: Queryable, community: CommunityContext, handoff: { threadId: number; advisorId: number; reason: string; reference: string; tracePostId: number },
): Promise<number> {
  const [created] = await tx.query<{ id: number }>(
    'insert into thread_handoffs (community_id, thread_id, advisor_id, reason, reference, trace_post_id) values ($1, $2, $3, $4, $5, $6) returning id',
    [community.id, handoff.threadId, handoff.advisorId, handoff.reason, handoff.reference, handoff.tracePostId],
  );
  if (!created) throw new Error('hand-off insert returned nothing');
  return created.id;
}

export async function findHandoff(db: Queryable, handoffId: number): Promise<HandoffRow | undefined> {
  const [row] = await db.query<HandoffRow>(`${HANDOFF_SELECT} where h.id = $1`, [handoffId]);
  return row;
}

export async function threadHandoffs(db: Queryable, community: CommunityContext, threadId: number): Promise<HandoffRow[]> {
  return db.query<HandoffRow>(`${HANDOFF_SELECT} where h.thread_id = $1 and h.community_id = $2 order by h.id`, [threadId, community.id]);
}

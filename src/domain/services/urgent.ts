/** An advisor marks a thread advisor-now (or takes the mark off): one transaction, live update. */
import type { ThreadSummary } from '../../contract/index.ts';
import { guardian, type Actor } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import type { CommunityContext } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import { toThread, THREAD_SELECT } from '../repo/threads.ts';

export async function markThreadUrgent(db: Database, community: CommunityContext, actor: Actor, threadId: number, urgent: boolean): Promise<ThreadSummary> {
  guardian(actor).staff.ensureTriageThreads();
  return db.transaction(async (tx) => {
    const [updated] = await tx.query<{ id: number; merged_into_id: number | null }>(
      `update threads t set advisor_now_at = case when $3 then coalesce(t.advisor_now_at, now()) else null end
       from categories c where c.id = t.category_id and t.id = $1 and c.community_id = $2 returning t.id, t.merged_into_id`,
      [threadId, community.id, urgent],
    );
    if (!updated) throw notFound(`Thread ${threadId}`);
    refuseMerged(updated); // the transaction rolls the mark back
    const [row] = await tx.query<Parameters<typeof toThread>[0]>(`${THREAD_SELECT} where t.id = $1`, [threadId]);
    if (!row) throw new Error('marked thread not found');
    const thread = toThread(row, community);
    await publishEvent(tx, community.id, { type: 'thread-updated', threadId, categoryId: thread.categoryId, thread });
    return thread;
  });
}

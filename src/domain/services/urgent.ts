/** An advisor marks a thread advisor-now (or takes the mark off): one transaction, live update. */
import type { ThreadSummary } from '../../contract/index.ts';
import { guardian, type Actor } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import { publishEvent } from '../repo/events.ts';
import { findThreadRow, setAdvisorNow, toThread } from '../repo/threads.ts';

export async function markThreadUrgent({ db, community }: ServiceContext, { actor, threadId, urgent }: { actor: Actor; threadId: number; urgent: boolean }): Promise<ThreadSummary> {
  guardian(actor).staff.ensureTriageThreads();
  return db.transaction(async (tx) => {
    const updated = await setAdvisorNow(tx, community, threadId, urgent);
    if (!updated) throw notFound(`Thread ${threadId}`);
    refuseMerged(updated); // the transaction rolls the mark back
    const row = await findThreadRow(tx, community, threadId);
    if (!row) throw new Error('marked thread not found');
    const thread = toThread(row, community);
    await publishEvent(tx, community.id, { type: 'thread-updated', threadId, categoryId: thread.categoryId, thread });
    return thread;
  });
}

import type { LiveEvent } from '../../contract/index.ts';
import type { Queryable } from '../database.ts';

export const EVENTS_CHANNEL = 'entraide_events';

/**
 * Stores a live event and notifies every server process listening on the database. Called
 * inside the write's transaction: the NOTIFY is delivered only if the write commits.
 */
export async function publishEvent(tx: Queryable, communityId: number, event: LiveEvent): Promise<void> {
  const [row] = await tx.query<{ id: number }>(
    `insert into events (community_id, type, thread_id, category_id, payload) values ($1, $2, $3, $4, $5) returning id`,
    [communityId, event.type, event.threadId, event.categoryId, JSON.stringify(event)],
  );
  await tx.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, String(row?.id)]);
}

export interface StoredEvent {
  id: number;
  event: LiveEvent;
}

/** The events of `ids` (those of this community), in id order: one query for a burst of notifications. */
export async function readEvents(db: Queryable, communityId: number, ids: readonly number[]): Promise<StoredEvent[]> {
  const rows = await db.query<{ id: number; payload: LiveEvent }>(
    'select id, payload from events where id = any($1::int[]) and community_id = $2 order by id',
    [ids, communityId],
  );
  return rows.map((row) => ({ id: row.id, event: row.payload }));
}

/** Events after `afterId`, for clients resuming with Last-Event-ID. */
export async function eventsSince(db: Queryable, communityId: number, afterId: number, limit = 500): Promise<StoredEvent[]> {
  const rows = await db.query<{ id: number; payload: LiveEvent }>(
    'select id, payload from events where community_id = $1 and id > $2 order by id limit $3',
    [communityId, afterId, limit],
  );
  return rows.map((row) => ({ id: row.id, event: row.payload }));
}

/** The community's newest event id (0 without any): where a listener that starts now begins. */
export async function latestEventId(db: Queryable, communityId: number): Promise<number> {
  const [row] = await db.query<{ id: number | null }>('select max(id) as id from events where community_id = $1', [communityId]);
  return Number(row?.id ?? 0);
}

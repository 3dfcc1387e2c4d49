/**
 * The audit log: every moderation action with who, what, when, why and the state before and
 * after. Written inside the action's transaction, so an action and its entry commit together.
 */
import type { AuditEntry, AuditPage } from '../../contract/areas/moderation.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, toAuthor, type AuthorRow } from './members.ts';

export interface AuditInput {
  /** Who acted; the entry's community is the actor's unless `communityId` says otherwise. */
  actorId: number;
  action: string;
  targetType: string;
  targetId: number;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  communityId?: number;
  /** Defaults to now; the demo seed dates its entries on its own timeline. */
  createdAt?: Date | undefined;
}

export async function writeAudit(tx: Queryable, input: AuditInput): Promise<void> {
  await tx.query(
    `insert into audit_log (community_id, actor_id, action, target_type, target_id, reason, before, after, created_at)
     values (coalesce($1, (select community_id from members where id = $2)), $2, $3, $4, $5, $6, $7, $8, coalesce($9, now()))`,
    [
      input.communityId ?? null,
      input.actorId,
      input.action,
      input.targetType,
      input.targetId,
      input.reason ?? null,
      input.before === undefined ? null : JSON.stringify(input.before),
      input.after === undefined ? null : JSON.stringify(input.after),
      input.createdAt ?? null,
    ],
  );
}

interface AuditRow {
  id: string | number;
  action: string;
  target_type: string;
  target_id: number;
  reason: string | null;
  before: unknown;
  after: unknown;
  created_at: Date;
  actor: AuthorRow | null;
}

export class BadAuditCursorError extends Error {}

/** Newest first; the cursor is the last entry's id (ids only grow). */
function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const id = Number(cursor);
  if (!Number.isSafeInteger(id) || id < 1) throw new BadAuditCursorError();
  return id;
}

export async function listAudit(
  db: Queryable,
  community: CommunityContext,
  query: { cursor?: string; limit: number; targetType?: string; targetId?: number; threadId?: number },
): Promise<AuditPage> {
  const params: unknown[] = [community.id, query.limit + 1];
  const where = ['a.community_id = $1'];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  const before = decodeCursor(query.cursor);
  if (before !== undefined) add('a.id < ?', before);
  if (query.targetType !== undefined) add('a.target_type = ?', query.targetType);
  if (query.targetId !== undefined) add('a.target_id = ?', query.targetId);
  if (query.threadId !== undefined) {
    // A thread's whole log: its own entries and those on its posts (one parameter, used twice).
    params.push(query.threadId);
    const thread = `$${params.length}`;
    where.push(`((a.target_type = 'thread' and a.target_id = ${thread}) or (a.target_type = 'post' and a.target_id in (select id from posts where thread_id = ${thread})))`);
  }
  const rows = await db.query<AuditRow>(
    `select a.id, a.action, a.target_type, a.target_id, a.reason, a.before, a.after, a.created_at,
       case when m.id is null then null else ${authorJson('m')} end as actor
     from audit_log a left join members m on m.id = a.actor_id
     where ${where.join(' and ')} order by a.id desc limit $2`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const now = new Date();
  const items: AuditEntry[] = page.map((row) => ({
    id: Number(row.id),
    actor: row.actor ? toAuthor(row.actor, community.ladder, now) : null,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    before: row.before ?? null,
    after: row.after ?? null,
    createdAt: new Date(row.created_at).toISOString(),
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}

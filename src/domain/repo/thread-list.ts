/** Category thread lists: filters, two sort orders, keyset pagination with an opaque cursor. */
import type { ThreadPage } from '../../contract/index.ts';
import { ID_MAX, isSignedIn, type Actor } from '../../core/index.ts';
import { prepared, type Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { THREAD_SELECT, toThread, type ThreadRow } from './threads.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';

export type ThreadFilter = 'all' | 'unanswered' | 'solved' | 'mine';
export type ThreadSort = 'activity' | 'newest';

export interface ThreadListQuery {
  categoryId: number;
  cursor?: string;
  limit: number;
  filter: ThreadFilter;
  sort: ThreadSort;
}

export class BadCursorError extends Error {}

/** The column each order pages on (millisecond precision, as stored), then the id. */
const SORT_COLUMN: Record<ThreadSort, 'last_post_at' | 'created_at'> = { activity: 'last_post_at', newest: 'created_at' };

const FILTER_SQL: Record<Exclude<ThreadFilter, 'mine'>, string> = {
  all: '',
  unanswered: ` and t.reply_count = 0 and t.status not in ('closed', 'archived')`,
  solved: ` and t.status = 'solved'`,
};

function encodeCursor(sort: ThreadSort, row: ThreadRow): string {
  return toBase64Url(JSON.stringify([sort, new Date(row[SORT_COLUMN[sort]]).toISOString(), row.id]));
}

/** Exactly what `encodeCursor` writes (a forged cursor reaches SQL only as an instant PostgreSQL reads). */
function isGivenInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

function decodeCursor(cursor: string, sort: ThreadSort): [string, number] {
  try {
    const value: unknown = JSON.parse(fromBase64Url(cursor));
    if (Array.isArray(value) && value[0] === sort && isGivenInstant(value[1]) && Number.isInteger(value[2]) && value[2] >= 1 && value[2] <= ID_MAX) {
      return [value[1], value[2] as number];
    }
  } catch {
    // fall through: an unreadable cursor is the caller's mistake
  }
  throw new BadCursorError();
}

export async function listThreads(db: Queryable, community: CommunityContext, actor: Actor, query: ThreadListQuery): Promise<ThreadPage> {
  const column = SORT_COLUMN[query.sort];
  const params: unknown[] = [query.categoryId, query.limit + 1];
  let where = 't.category_id = $1 and t.merged_into_id is null';
  if (query.filter === 'mine') {
    if (!isSignedIn(actor)) return { items: [], nextCursor: null };
    params.push(actor.memberId);
    // "Les miennes": the questions I asked. A reply of mine does not make someone else's thread mine.
    where += ` and t.author_id = $${params.length}`;
  } else {
    where += FILTER_SQL[query.filter];
  }
  if (query.cursor !== undefined) {
    const [at, id] = decodeCursor(query.cursor, query.sort);
    params.push(at, id);
    where += ` and (t.${column}, t.id) < ($${params.length - 1}::timestamptz, $${params.length}::integer)`;
  }
  const rows = await db.query<ThreadRow>(prepared(`${THREAD_SELECT} where ${where} order by t.${column} desc, t.id desc limit $2`), params);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const now = new Date();
  return { items: page.map((row) => toThread(row, community, now)), nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, last) : null };
}

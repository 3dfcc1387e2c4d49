/**
 * Reads and writes of the advisor workspace (migration 008): weekly plan slots, staff-only
 * notes, and notifications. Staff notes are selected here and nowhere else, so no public read
 * can carry them by accident.
 */
import type { ExpertNudge, PlanSlot as PlanSlotJson, StaffNote } from '../../contract/areas/workspace.ts';
import { usableTimeZone, type PlanSlot, type Role } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, toAuthor, type AuthorRow } from './members.ts';

export interface AdvisorPlanRow {
  member_id: number;
  author: AuthorRow;
  slots: PlanSlotJson[];
}

export async function communityTimeZone(db: Queryable, community: CommunityContext): Promise<string> {
  const [row] = await db.query<{ time_zone: string }>('select time_zone from communities where id = $1', [community.id]);
  return usableTimeZone(row?.time_zone);
}

/** Advisors of the community with their slots (weekday, start order); one advisor when `memberId` is given. */
export async function readAdvisorPlans(db: Queryable, community: CommunityContext, memberId: number | null = null): Promise<AdvisorPlanRow[]> {
  return db.query<AdvisorPlanRow>(
    `select m.id as member_id, ${authorJson('m')} as author,
       coalesce((select json_agg(json_build_object('weekday', s.weekday, 'startMinute', s.start_minute, 'endMinute', s.end_minute,
           'categoryIds', (select coalesce(json_agg(sc.category_id order by sc.category_id), '[]'::json)
                           from weekly_plan_slot_categories sc where sc.slot_id = s.id))
         order by s.weekday, s.start_minute, s.id)
         from weekly_plan_slots s where s.member_id = m.id), '[]'::json) as slots
     from members m where m.community_id = $1 and m.role = 'advisor' and ($2::int is null or m.id = $2)
     order by lower(m.pseudonym), m.id`,
    [community.id, memberId],
  );
}

/** Replaces every slot of an advisor's plan; call inside a transaction. */
export async function replacePlanSlots(tx: Queryable, memberId: number, slots: readonly PlanSlot[]): Promise<void> {
  // Two saves at once would each delete only the committed slots and both insert: one waits here.
  await tx.query('select 1 from members where id = $1 for update', [memberId]);
  await tx.query('delete from weekly_plan_slots where member_id = $1', [memberId]);
  for (const slot of slots) {
    const [row] = await tx.query<{ id: number }>(
      'insert into weekly_plan_slots (member_id, weekday, start_minute, end_minute) values ($1, $2, $3, $4) returning id',
      [memberId, slot.weekday, slot.startMinute, slot.endMinute],
    );
    await tx.query('insert into weekly_plan_slot_categories (slot_id, category_id) select $1, unnest($2::int[])', [row!.id, slot.categoryIds]);
  }
}

/** The community's category ids in forum order. */
export async function communityCategoryIds(db: Queryable, community: CommunityContext): Promise<number[]> {
  const rows = await db.query<{ id: number }>('select id from categories where community_id = $1 order by position, id', [community.id]);
  return rows.map((row) => row.id);
}

interface NoteRow {
  id: number;
  thread_id: number;
  body_html: string;
  created_at: Date;
  author: AuthorRow;
}

const NOTE_SELECT = `select n.id, n.thread_id, n.body_html, n.created_at, ${authorJson('m')} as author
  from staff_notes n join members m on m.id = n.author_id`;

function toNote(row: NoteRow, community: CommunityContext, now: Date): StaffNote {
  return { id: row.id, threadId: row.thread_id, author: toAuthor(row.author, community.ladder, now), bodyHtml: row.body_html, createdAt: new Date(row.created_at).toISOString() };
}

export async function listStaffNotes(db: Queryable, community: CommunityContext, threadId: number, now = new Date()): Promise<StaffNote[]> {
  const rows = await db.query<NoteRow>(`${NOTE_SELECT} where n.thread_id = $1 order by n.created_at, n.id`, [threadId]);
  return rows.map((row) => toNote(row, community, now));
}

export async function insertStaffNote(
  db: Queryable, community: CommunityContext, note: { threadId: number; authorId: number; bodyMd: string; bodyHtml: string },
): Promise<StaffNote> {
  const [inserted] = await db.query<{ id: number }>(
    'insert into staff_notes (thread_id, author_id, body_md, body_html) values ($1, $2, $3, $4) returning id',
    [note.threadId, note.authorId, note.bodyMd, note.bodyHtml],
  );
  const [row] = await db.query<NoteRow>(`${NOTE_SELECT} where n.id = $1`, [inserted!.id]);
  return toNote(row!, community, new Date());
}

export async function membersByIds(db: Queryable, community: CommunityContext, ids: readonly number[]): Promise<Array<{ id: number; role: Role }>> {
  return db.query<{ id: number; role: Role }>('select id, role from members where community_id = $1 and id = any($2::int[])', [community.id, ids]);
}

interface NudgeRow {
  member: AuthorRow;
  by_id: number;
  by_pseudonym: string;
  created_at: Date;
}

/** Expert nudges of a thread, oldest first; `memberIds` narrows to some members. */
export async function listExpertNudges(db: Queryable, community: CommunityContext, threadId: number, memberIds: readonly number[] | null = null): Promise<ExpertNudge[]> {
  const rows = await db.query<NudgeRow>(
    `select ${authorJson('m')} as member, b.id as by_id, b.pseudonym as by_pseudonym, n.created_at
     from notifications n join members m on m.id = n.member_id join members b on b.id = n.actor_id
     where n.kind = 'expert-nudge' and n.thread_id = $1 and ($2::int[] is null or n.member_id = any($2::int[]))
     order by n.created_at, n.id`,
    [threadId, memberIds],
  );
  const now = new Date();
  return rows.map((row) => ({ member: toAuthor(row.member, community.ladder, now), by: { id: row.by_id, pseudonym: row.by_pseudonym }, createdAt: new Date(row.created_at).toISOString() }));
}

/** Inserts one nudge per member not yet nudged on the thread; returns the members actually nudged and their notifications. */
export async function insertExpertNudges(tx: Queryable, threadId: number, actorId: number, memberIds: readonly number[]): Promise<{ memberId: number; id: number }[]> {
  const rows = await tx.query<{ member_id: number; id: number }>(
    `insert into notifications (member_id, kind, thread_id, actor_id) select unnest($1::int[]), 'expert-nudge', $2, $3
     on conflict (member_id, thread_id) where kind = 'expert-nudge' do nothing returning member_id, id`,
    [memberIds, threadId, actorId],
  );
  return rows.map((row) => ({ memberId: row.member_id, id: row.id }));
}

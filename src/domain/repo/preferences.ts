/** SQL of a member's preferences (migration 014's `member_preferences`; no row = the defaults). */
import type { EmailMode, Locale, NotificationKind } from '../../core/index.ts';
import type { Queryable } from '../database.ts';

export interface PreferencesRow {
  follow_on_reply: boolean;
  email_mode: EmailMode;
  email_muted_kinds: NotificationKind[];
  locale: Locale | null;
  has_email: boolean;
}

/** The member's preferences, with the defaults when they never chose; undefined for no such member. */
export async function readPreferences(db: Queryable, memberId: number): Promise<PreferencesRow | undefined> {
  const [row] = await db.query<PreferencesRow>(
    `select coalesce(p.follow_on_reply, true) as follow_on_reply, coalesce(p.email_mode, 'immediate') as email_mode,
            coalesce(p.email_muted_kinds, '{}') as email_muted_kinds, p.locale, m.email is not null as has_email
       from members m left join member_preferences p on p.member_id = m.id
      where m.id = $1`,
    [memberId],
  );
  return row;
}

/** Writes every preference (the service merged the change into the current ones). */
export async function writePreferences(tx: Queryable, memberId: number, next: Omit<PreferencesRow, 'has_email'>): Promise<void> {
  await tx.query(
    `insert into member_preferences (member_id, follow_on_reply, email_mode, email_muted_kinds, locale, updated_at)
     values ($1, $2, $3, $4::text[], $5, now())
     on conflict (member_id) do update set follow_on_reply = excluded.follow_on_reply, email_mode = excluded.email_mode,
       email_muted_kinds = excluded.email_muted_kinds, locale = excluded.locale, updated_at = now()`,
    [memberId, next.follow_on_reply, next.email_mode, next.email_muted_kinds, next.locale],
  );
}

/** One click: every e-mail off, or one more kind muted (idempotent). */
export async function unsubscribe(tx: Queryable, memberId: number, scope: NotificationKind | 'all'): Promise<void> {
  await tx.query(
    `insert into member_preferences (member_id, email_mode, email_muted_kinds)
     values ($1, case when $2 = 'all' then 'off' else 'immediate' end, case when $2 = 'all' then '{}'::text[] else array[$2::text] end)
     on conflict (member_id) do update set
       email_mode = case when $2 = 'all' then 'off' else member_preferences.email_mode end,
       email_muted_kinds = case when $2 = 'all' or $2 = any(member_preferences.email_muted_kinds) then member_preferences.email_muted_kinds
                                else member_preferences.email_muted_kinds || array[$2::text] end,
       updated_at = now()`,
    [memberId, scope],
  );
}

/** The key that signs the community's unsubscribe links (migration 016). */
export async function emailLinkKey(db: Queryable, communityId: number): Promise<string> {
  const [row] = await db.query<{ key: string }>('select email_link_key as key from communities where id = $1', [communityId]);
  if (!row) throw new Error(`Community ${communityId} has no e-mail link key.`);
  return row.key;
}

/** Whether the member belongs to the community (an unsubscribe token names one). */
export async function memberInCommunity(db: Queryable, memberId: number, communityId: number): Promise<boolean> {
  const rows = await db.query('select 1 from members where id = $1 and community_id = $2', [memberId, communityId]);
  return rows.length > 0;
}

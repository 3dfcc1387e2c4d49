/** SQL of the e-mail outbox (../services/email-outbox.ts queues, src/server/email-drainer.ts sends and retries). */
import type { EmailMode, Locale, NotificationChannel, NotificationKind } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import { INCIDENT_TITLE_FOR_MEMBER } from './notify.ts';

/** A notification the outbox may take, with what its message needs and its member's choices. */
export interface PendingNotification {
  id: number;
  memberId: number;
  kind: NotificationKind;
  threadId: number | null;
  postId: number | null;
  conversationId: number | null;
  incidentId: number | null;
  count: number;
  createdAt: Date;
  title: string;
  actor: string | null;
  pseudonym: string;
  externalId: string;
  email: string | null;
  emailMode: EmailMode;
  mutedKinds: NotificationKind[];
  locale: Locale | null;
}

export async function notificationChannel(db: Queryable, communityId: number): Promise<NotificationChannel> {
  const [row] = await db.query<{ channel: NotificationChannel }>('select notification_channel as channel from communities where id = $1', [communityId]);
  return row?.channel ?? 'email';
}

/*
 * Times from JavaScript have milliseconds, the database's microseconds: `t < $x + 1 ms` is
 * `t <= $x` at JavaScript's precision, so a row written in the same millisecond counts as due.
 */

/**
 * Locks (skipping rows another process holds) the community's unread notifications not yet
 * taken, created before `before`; a daily member's only once created before `digestBefore`.
 */
export async function lockPendingNotifications(tx: Queryable, communityId: number, before: Date, digestBefore: Date): Promise<PendingNotification[]> {
  return tx.query<PendingNotification>(
    `select n.id, n.member_id as "memberId", n.kind, n.thread_id as "threadId", n.post_id as "postId", n.conversation_id as "conversationId",
            n.incident_id as "incidentId", n.event_count as count, n.created_at as "createdAt",
            coalesce(t.title, ${INCIDENT_TITLE_FOR_MEMBER}, '') as title, a.pseudonym as actor, m.pseudonym, m.external_id as "externalId", m.email,
            coalesce(p.email_mode, 'immediate') as "emailMode", coalesce(p.email_muted_kinds, '{}') as "mutedKinds", p.locale
       from notifications n
       join members m on m.id = n.member_id
       left join member_preferences p on p.member_id = n.member_id
       left join threads t on t.id = n.thread_id
       left join incidents i on i.id = n.incident_id
       left join members a on a.id = n.actor_id
      where m.community_id = $1 and n.emailed_at is null and n.read_at is null and n.created_at < $2::timestamptz + interval '1 millisecond'
        and (coalesce(p.email_mode, 'immediate') <> 'daily' or n.created_at < $3)
      order by n.member_id, n.id
      limit 1000
      for update of n skip locked`,
    [communityId, before, digestBefore],
  );
}

export async function markEmailed(tx: Queryable, notificationIds: number[]): Promise<void> {
  if (notificationIds.length) await tx.query('update notifications set emailed_at = now() where id = any($1::integer[])', [notificationIds]);
}

export interface NewEmail {
  communityId: number;
  memberId: number;
  kind: 'immediate' | 'digest';
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  notificationIds: number[];
}

export async function insertEmail(tx: Queryable, email: NewEmail): Promise<void> {
  await tx.query(
    `insert into email_deliveries (community_id, member_id, kind, to_address, subject, text_body, html_body, unsubscribe_url, notification_ids)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::integer[])`,
    [email.communityId, email.memberId, email.kind, email.to, email.subject, email.text, email.html, email.unsubscribeUrl, email.notificationIds],
  );
}

export interface EmailRow {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  attempts: number;
}

/** Leases up to 20 due messages (pushes their next try to `leaseUntil`) so another process does not send them too. */
export async function leaseDueEmails(db: Queryable, now: Date, leaseUntil: Date): Promise<EmailRow[]> {
  const rows = await db.query<EmailRow & { id: string | number }>(
    `with due as (
       select id from email_deliveries where sent_at is null and failed_at is null and next_attempt_at < $1::timestamptz + interval '1 millisecond'
        order by next_attempt_at, id limit 20
        for update skip locked
     )
     update email_deliveries d set next_attempt_at = $2 from due where d.id = due.id
     returning d.id, d.to_address as "to", d.subject, d.text_body as text, d.html_body as html, d.unsubscribe_url as "unsubscribeUrl", d.attempts`,
    [now, leaseUntil],
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

export async function markEmailSent(db: Queryable, id: number, attempts: number): Promise<void> {
  await db.query('update email_deliveries set attempts = $2, sent_at = now(), last_error = null where id = $1', [id, attempts]);
}

/** A failed try: the next one at `nextAt`, or none when `giveUp`. */
export async function markEmailFailed(db: Queryable, failure: { id: number; attempts: number; error: string; nextAt: Date; giveUp: boolean }): Promise<void> {
  await db.query(
    'update email_deliveries set attempts = $2, last_error = $3, next_attempt_at = $4, failed_at = case when $5 then now() else null end where id = $1',
    [failure.id, failure.attempts, failure.error, failure.nextAt, failure.giveUp],
  );
}

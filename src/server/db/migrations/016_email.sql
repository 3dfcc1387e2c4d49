-- Notifications by e-mail (issue 15): the e-mail outbox, the key that signs unsubscribe links,
-- and the community's choice of channel. Kept to the PostgreSQL 15 subset.

-- `email`: the server sends through SMTP; `webhook`: a signed `notification.created` event goes
-- to the community's webhooks instead (a brand with its own mailer).
alter table communities add column notification_channel text not null default 'email'
  check (notification_channel in ('email', 'webhook'));
-- Signs the unsubscribe links (HMAC): made here, never answered by the API, so a link cannot be
-- forged and no configuration is needed. Rotating it voids every link already sent.
alter table communities add column email_link_key text not null
  default encode(sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex');

-- One message to send: rendered when queued (in the same transaction that marks its
-- notifications `emailed_at`), then sent and retried with backoff like webhook_deliveries.
create table email_deliveries (
  id               bigint generated always as identity primary key,
  community_id     integer not null references communities(id),
  member_id        integer not null references members(id),
  -- `immediate`: the notifications of one thread; `digest`: a member's day.
  kind             text not null check (kind in ('immediate', 'digest')),
  to_address       text not null,
  subject          text not null,
  text_body        text not null,
  html_body        text not null,
  unsubscribe_url  text not null,
  notification_ids integer[] not null,
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  sent_at          timestamptz,
  failed_at        timestamptz,
  last_error       text,
  created_at       timestamptz not null default now()
);
create index email_deliveries_due on email_deliveries (next_attempt_at) where sent_at is null and failed_at is null;
create index email_deliveries_by_member on email_deliveries (member_id, created_at desc);

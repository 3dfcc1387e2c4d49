-- Webhooks per community (issue 14): endpoints the community's administrators add, each with
-- its own signing secret, and the outbox rows that say which endpoint a delivery is for.
-- Kept to the PostgreSQL 15 subset.

create table webhooks (
  id                         integer generated always as identity primary key,
  community_id               integer not null references communities(id),
  url                        text not null check (length(url) between 1 and 2000),
  description                text check (length(description) <= 200),
  -- The events it receives; null = every event, those added later included.
  events                     text[] check (cardinality(events) >= 1),
  enabled                    boolean not null default true,
  -- Needed in the clear to sign (HMAC); answered once, at creation or rotation, never listed.
  secret                     text not null,
  -- After a rotation, deliveries also carry a signature with the previous secret until then.
  previous_secret            text,
  previous_secret_expires_at timestamptz,
  created_by                 integer references members(id),
  created_at                 timestamptz not null default now(),
  updated_at                 timestamptz not null default now(),
  secret_rotated_at          timestamptz,
  check ((previous_secret is null) = (previous_secret_expires_at is null))
);
create index webhooks_by_community on webhooks (community_id, id);

-- null = the server's own endpoint (ENTRAIDE_WEBHOOK_URL), signed with ENTRAIDE_WEBHOOK_SECRET.
-- Deleting a webhook deletes its log with it (the audit log keeps the webhook's last state).
alter table webhook_deliveries add column webhook_id integer references webhooks(id) on delete cascade;
-- Whose log the delivery is in; rows queued before this migration get the community when the
-- database has only one (the server's endpoint served it), otherwise they stay out of every log.
alter table webhook_deliveries add column community_id integer references communities(id);
-- An administrator's last "retry": a retried delivery gets one try, then is failed again.
alter table webhook_deliveries add column retried_at timestamptz;
update webhook_deliveries set community_id = (select min(id) from communities)
  where (select count(*) from communities) = 1;

create index webhook_deliveries_log on webhook_deliveries (community_id, id desc);
create index webhook_deliveries_by_webhook on webhook_deliveries (webhook_id, id desc) where webhook_id is not null;

-- Advisor tools (study §11, §27): urgent marks, incidents with public banners, and a
-- webhook outbox so each incident change reaches the brand's systems even across restarts.

-- Set when an advisor marks a thread advisor-now (the asker's tick is threads.needs_account).
alter table threads add column advisor_now_at timestamptz;

-- The advisor queue scans only threads still waiting for an answer.
create index threads_awaiting_advisor on threads (category_id, created_at, id)
  where accepted_post_id is null and merged_into_id is null and status in ('open', 'answered');
-- Collective-problem detection reads the last hours of threads.
create index threads_recent on threads (created_at);

create table incidents (
  id           integer generated always as identity primary key,
  community_id integer not null references communities(id),
  title        text not null,
  banner_text  text not null,
  category_id  integer references categories(id),
  region       text,
  status       text not null default 'investigating' check (status in ('investigating', 'identified', 'monitoring', 'resolved')),
  created_by   integer not null references members(id),
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  resolved_at  timestamptz
);
create index incidents_active on incidents (community_id, created_at desc) where resolved_at is null;

create table incident_threads (
  incident_id integer not null references incidents(id),
  thread_id   integer not null references threads(id),
  primary key (incident_id, thread_id)
);

create table incident_updates (
  id          integer generated always as identity primary key,
  incident_id integer not null references incidents(id),
  author_id   integer not null references members(id),
  status      text not null check (status in ('investigating', 'identified', 'monitoring', 'resolved')),
  body        text not null,
  created_at  timestamptz not null default now()
);
create index incident_updates_by_incident on incident_updates (incident_id, created_at, id);

-- Outbox: written in the same transaction as the change, sent later by a timer with retries.
create table webhook_deliveries (
  id              bigint generated always as identity primary key,
  url             text not null,
  event           text not null,
  -- The exact JSON text that is signed and sent.
  body            text not null,
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  delivered_at    timestamptz,
  failed_at       timestamptz,
  last_error      text,
  created_at      timestamptz not null default now()
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where delivered_at is null and failed_at is null;

-- Advisor workspace (study §11, §26): weekly plans assigning advisors to categories by time
-- slots, staff-only notes on threads, and notifications (expert nudges) for members.

-- The zone weekly plans are written in; an unknown name falls back to Europe/Paris in core.
alter table communities add column time_zone text not null default 'Europe/Paris';

-- One row per slot of an advisor's week, in the community's time zone.
create table weekly_plan_slots (
  id           integer generated always as identity primary key,
  member_id    integer not null references members(id),
  weekday      smallint not null check (weekday between 0 and 6),
  start_minute smallint not null check (start_minute between 0 and 1439),
  end_minute   smallint not null check (end_minute between 1 and 1440),
  check (end_minute > start_minute)
);
create index weekly_plan_slots_by_member on weekly_plan_slots (member_id, weekday, start_minute);

create table weekly_plan_slot_categories (
  slot_id     integer not null references weekly_plan_slots(id) on delete cascade,
  category_id integer not null references categories(id),
  primary key (slot_id, category_id)
);

-- Never joined into public reads: only the staff-notes routes select from this table.
create table staff_notes (
  id         integer generated always as identity primary key,
  thread_id  integer not null references threads(id),
  author_id  integer not null references members(id),
  body_md    text not null,
  -- Rendered and sanitized once, on write (src/core/markdown.ts).
  body_html  text not null,
  created_at timestamptz not null default now()
);
create index staff_notes_by_thread on staff_notes (thread_id, created_at, id);

create table notifications (
  id         integer generated always as identity primary key,
  member_id  integer not null references members(id),
  kind       text not null check (kind in ('expert-nudge')),
  thread_id  integer references threads(id),
  -- Who caused it (the advisor who nudged).
  actor_id   integer references members(id),
  created_at timestamptz not null default now(),
  read_at    timestamptz
);
create index notifications_by_member on notifications (member_id, created_at desc, id desc);
-- A member is nudged about a thread once, whoever asks (concurrent nudges included).
create unique index notifications_one_nudge on notifications (member_id, thread_id) where kind = 'expert-nudge';

-- The customer's loop (issue 15): who follows or mutes a thread or a category, each member's
-- read position per thread, notifications of every kind, and each member's e-mail address and
-- preferences. Shared by the bell, the live stream and the e-mail outbox.
-- Kept to the PostgreSQL 15 subset.

-- A member follows or mutes one thread or one category. `reason` says how: asking and replying
-- follow automatically (the member's preference), `chosen` is the button.
create table follows (
  member_id   integer not null references members(id),
  thread_id   integer references threads(id),
  category_id integer references categories(id),
  level       text not null check (level in ('following', 'muted')),
  reason      text not null check (reason in ('asked', 'replied', 'chosen')),
  created_at  timestamptz not null default now(),
  check ((thread_id is null) <> (category_id is null))
);
create unique index follows_one_per_thread on follows (member_id, thread_id) where thread_id is not null;
create unique index follows_one_per_category on follows (member_id, category_id) where category_id is not null;
create index follows_by_thread on follows (thread_id) where thread_id is not null;
create index follows_by_category on follows (category_id) where category_id is not null;

-- How far a member has read a thread: posts after this one are new to them.
create table thread_reads (
  member_id         integer not null references members(id),
  thread_id         integer not null references threads(id),
  last_read_post_id integer not null,
  read_at           timestamptz not null default now(),
  primary key (member_id, thread_id)
);

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'reply', 'mention', 'answer-accepted', 'answer-confirmed', 'kudos',
  'private-message', 'private-opened', 'incident', 'expert-nudge'));
-- What it is about: the post it links to, the private conversation, the incident.
alter table notifications add column post_id integer references posts(id);
alter table notifications add column conversation_id integer references private_conversations(id);
alter table notifications add column incident_id integer references incidents(id);
-- Batched kinds (kudos) count further events on the unread row instead of adding rows.
alter table notifications add column event_count integer not null default 1 check (event_count >= 1);
alter table notifications add column updated_at timestamptz not null default now();
-- When the e-mail outbox took it (sent, put in a digest, or skipped by preference).
alter table notifications add column emailed_at timestamptz;
-- Kudos on one post fold into one unread notification.
create unique index notifications_kudos_batch on notifications (member_id, post_id) where kind = 'kudos' and read_at is null;
create index notifications_unread on notifications (member_id) where read_at is null;
create index notifications_to_email on notifications (created_at) where emailed_at is null and read_at is null;

-- The brand's optional `email` claim, kept from the last token.
alter table members add column email text check (email is null or length(email) between 3 and 320);

create table member_preferences (
  member_id         integer primary key references members(id),
  -- Replying to a thread follows it.
  follow_on_reply   boolean not null default true,
  email_mode        text not null default 'immediate' check (email_mode in ('immediate', 'daily', 'off')),
  -- Kinds that never go out by e-mail (they still show in the bell).
  email_muted_kinds text[] not null default '{}',
  -- The language the member chose in the forum's switcher; null follows the page.
  locale            text check (locale in ('fr', 'en')),
  updated_at        timestamptz not null default now()
);

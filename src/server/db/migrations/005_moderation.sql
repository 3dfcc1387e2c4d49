-- Moderation (issue 3): audit log, flags, trusted-member grants, private conversations
-- (study §17–18: private help starts only from a public thread and leaves public traces).

-- Every moderation action: who, what, when, why, and the state before and after.
create table audit_log (
  id           bigint generated always as identity primary key,
  community_id integer not null references communities(id),
  actor_id     integer references members(id),
  action       text not null,
  target_type  text not null,
  target_id    integer not null,
  reason       text,
  before       jsonb,
  after        jsonb,
  created_at   timestamptz not null default now()
);
create index audit_log_recent on audit_log (community_id, id desc);
create index audit_log_by_target on audit_log (community_id, target_type, target_id, id desc);

-- Why a post is hidden: 'flags' (automatic, pending review) or 'moderator'.
alter table posts add column hidden_reason text;

-- One flag per member per post; the weight is fixed when flagging (rank may change later).
create table post_flags (
  id          integer generated always as identity primary key,
  post_id     integer not null references posts(id),
  member_id   integer not null references members(id),
  reason      text not null check (reason in ('spam', 'abuse', 'off-topic', 'personal-data', 'other')),
  note        text,
  weight      integer not null,
  created_at  timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by integer references members(id),
  resolution  text check (resolution in ('hidden', 'restored')),
  unique (post_id, member_id)
);
create index post_flags_open on post_flags (post_id) where resolved_at is null;

create table moderation_grants (
  member_id  integer not null references members(id),
  power      text not null check (power in ('review-flags')),
  granted_by integer not null references members(id),
  created_at timestamptz not null default now(),
  primary key (member_id, power)
);

create table private_conversations (
  id           integer generated always as identity primary key,
  community_id integer not null references communities(id),
  thread_id    integer not null references threads(id),
  asker_id     integer not null references members(id),
  opened_by    integer not null references members(id),
  status       text not null default 'open' check (status in ('open', 'closed')),
  outcome      text,
  created_at   timestamptz not null default now(),
  closed_at    timestamptz,
  closed_by    integer references members(id)
);
create index private_conversations_by_asker on private_conversations (asker_id, created_at desc);
-- At most one open conversation per thread: a second request joins the first.
create unique index private_conversations_one_open on private_conversations (thread_id) where status = 'open';

create table private_messages (
  id              integer generated always as identity primary key,
  conversation_id integer not null references private_conversations(id),
  author_id       integer not null references members(id),
  body_md         text not null,
  body_html       text not null,
  created_at      timestamptz not null default now()
);
create index private_messages_by_conversation on private_messages (conversation_id, created_at, id);

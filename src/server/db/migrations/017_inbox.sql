-- The customer's private inbox, the reader's own state and own posts (issue 15, items 4–6).
-- Kept to the PostgreSQL 15 subset.

-- The public trace written when a conversation opened: the asker (and staff) get a link from it
-- to the conversation. Older conversations point at their thread's first trace after they opened.
alter table private_conversations add column trace_post_id integer references posts(id);
update private_conversations pc set trace_post_id = (
  select p.id from posts p where p.thread_id = pc.thread_id and p.kind = 'trace' and p.created_at >= pc.created_at - interval '1 second'
  order by p.created_at, p.id limit 1);
create index private_conversations_by_trace on private_conversations (trace_post_id) where trace_post_id is not null;

-- How far each participant has read a conversation: later messages by others are unread.
create table private_reads (
  member_id        integer not null references members(id),
  conversation_id  integer not null references private_conversations(id),
  last_read_message_id integer not null,
  read_at          timestamptz not null default now(),
  primary key (member_id, conversation_id)
);

-- Every earlier text of an edited post, for staff: the body as it was before each edit.
create table post_revisions (
  id         integer generated always as identity primary key,
  post_id    integer not null references posts(id),
  editor_id  integer not null references members(id),
  body_md    text not null,
  body_html  text not null,
  -- When this text was written (the post's creation, or the edit before): it stood until `replaced_at`.
  written_at timestamptz not null,
  replaced_at timestamptz not null default now(),
  reason     text
);
create index post_revisions_by_post on post_revisions (post_id, id);

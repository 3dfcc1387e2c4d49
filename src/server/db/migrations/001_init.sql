-- Entraide schema, first cut. Kept to the PostgreSQL 15 subset (PGlite is 18, Debian is 15).

create table communities (
  id          integer generated always as identity primary key,
  slug        text not null unique,
  name        text not null,
  locale      text not null default 'fr' check (locale in ('fr', 'en')),
  -- Rank ladder (null = default ladder) and other per-community settings.
  rank_ladder jsonb,
  advisor_signature text not null default '',
  created_at  timestamptz not null default now()
);

create table members (
  id              integer generated always as identity primary key,
  community_id    integer not null references communities(id),
  -- The brand's id for the person: the JWT `sub`.
  external_id     text not null,
  pseudonym       text not null,
  role            text not null default 'member' check (role in ('member', 'advisor', 'moderator')),
  team            text,
  region          text,
  joined_at       timestamptz not null default now(),
  last_seen_at    timestamptz,
  -- Participation counters: the rank is computed from them on read (src/core/ranks.ts).
  post_count      integer not null default 0,
  accepted_count  integer not null default 0,
  kudos_received  integer not null default 0,
  unique (community_id, external_id)
);
create unique index members_pseudonym on members (community_id, lower(pseudonym));

create table categories (
  id               integer generated always as identity primary key,
  community_id     integer not null references communities(id),
  slug             text not null,
  -- Localised labels: {"fr": "...", "en": "..."}.
  name             jsonb not null,
  description      jsonb not null default '{}',
  position         integer not null default 0,
  -- Community-first holdback before advisors step in (study §27).
  holdback_minutes integer not null default 180,
  thread_count     integer not null default 0,
  post_count       integer not null default 0,
  last_post_at     timestamptz,
  unique (community_id, slug)
);

create table threads (
  id                 integer generated always as identity primary key,
  category_id        integer not null references categories(id),
  author_id          integer not null references members(id),
  title              text not null,
  status             text not null default 'open' check (status in ('open', 'answered', 'solved', 'closed', 'archived')),
  locale             text not null default 'fr' check (locale in ('fr', 'en')),
  excerpt            text not null default '',
  needs_account      boolean not null default false,
  reply_count        integer not null default 0,
  same_problem_count integer not null default 0,
  accepted_post_id   integer,
  merged_into_id     integer references threads(id),
  created_at         timestamptz not null default now(),
  last_post_at       timestamptz not null default now()
);
create index threads_by_activity on threads (category_id, last_post_at desc, id desc);
create index threads_by_author on threads (author_id);

create table posts (
  id          integer generated always as identity primary key,
  thread_id   integer not null references threads(id),
  author_id   integer not null references members(id),
  kind        text not null default 'reply' check (kind in ('question', 'reply', 'trace')),
  body_md     text not null,
  -- Rendered and sanitized once, on write (src/core/markdown.ts).
  body_html   text not null,
  kudos_count integer not null default 0,
  hidden      boolean not null default false,
  created_at  timestamptz not null default now(),
  edited_at   timestamptz
);
create index posts_by_thread on posts (thread_id, created_at, id);
create index posts_by_author on posts (author_id, created_at);

alter table threads add constraint threads_accepted_post foreign key (accepted_post_id) references posts(id);

-- Every live event, in order: SSE clients resume from Last-Event-ID by reading it back.
create table events (
  id           bigint generated always as identity primary key,
  community_id integer not null references communities(id),
  type         text not null,
  thread_id    integer,
  category_id  integer,
  payload      jsonb not null,
  created_at   timestamptz not null default now()
);

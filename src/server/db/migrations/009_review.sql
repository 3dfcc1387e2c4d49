-- Colleague review, quality review and back-office hand-offs (study §11, §17–18, §44, §46, §52).

-- A reply an advisor prepares and may show colleagues before writing in public. Only its author
-- and the colleagues it is shared with ever read it; posting goes through the normal reply or
-- confirmation path, then `posted_post_id` links the public post.
create table review_drafts (
  id              integer generated always as identity primary key,
  community_id    integer not null references communities(id),
  thread_id       integer not null references threads(id),
  author_id       integer not null references members(id),
  body_md         text not null,
  body_html       text not null,
  cited_post_ids  integer[] not null default '{}',
  faq_article_ids integer[] not null default '{}',
  assisted_by_ids integer[] not null default '{}',
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  -- Set when posting starts (claims the draft, so it is never posted twice).
  posted_at       timestamptz,
  posted_post_id  integer references posts(id)
);
create index review_drafts_author on review_drafts (author_id, updated_at desc);

-- Who a draft is shared with; an approval holds for the wording it saw (cleared on edit).
create table review_draft_shares (
  draft_id     integer not null references review_drafts(id),
  colleague_id integer not null references members(id),
  shared_at    timestamptz not null default now(),
  approved_at  timestamptz,
  primary key (draft_id, colleague_id)
);
create index review_draft_shares_colleague on review_draft_shares (colleague_id);

create table review_draft_comments (
  id         integer generated always as identity primary key,
  draft_id   integer not null references review_drafts(id),
  author_id  integer not null references members(id),
  body_md    text not null,
  body_html  text not null,
  created_at timestamptz not null default now()
);
create index review_draft_comments_draft on review_draft_comments (draft_id, id);

-- A manager's monthly quality rubric on one advisor post (scores 1–4).
create table quality_rubrics (
  post_id      integer primary key references posts(id),
  community_id integer not null references communities(id),
  reviewer_id  integer not null references members(id),
  accuracy     smallint not null check (accuracy between 1 and 4),
  clarity      smallint not null check (clarity between 1 and 4),
  tone         smallint not null check (tone between 1 and 4),
  involvement  smallint not null check (involvement between 1 and 4),
  comment      text not null default '',
  updated_at   timestamptz not null default now()
);

-- A case opened in the brand's back office for a thread; the reference is staff-only.
create table thread_handoffs (
  id            integer generated always as identity primary key,
  community_id  integer not null references communities(id),
  thread_id     integer not null references threads(id),
  advisor_id    integer not null references members(id),
  reason        text not null,
  reference     text not null,
  trace_post_id integer not null references posts(id),
  created_at    timestamptz not null default now()
);
create index thread_handoffs_thread on thread_handoffs (thread_id, id);

-- Interactions on threads (study §22, §32–33): kudos, "same problem here" marks, advisor
-- confirmations that cite and credit community answers, "assisted by" credit.

-- One kudo per member per post; posts.kudos_count and members.kudos_received mirror it.
create table kudos (
  post_id    integer not null references posts(id),
  member_id  integer not null references members(id),
  created_at timestamptz not null default now(),
  primary key (post_id, member_id)
);
create index kudos_by_member on kudos (member_id);

-- One mark per member per thread. The member's region is kept for collective-problem
-- detection (many marks in one region within a window).
create table same_problem_marks (
  thread_id  integer not null references threads(id),
  member_id  integer not null references members(id),
  region     text,
  created_at timestamptz not null default now(),
  primary key (thread_id, member_id)
);
create index same_problem_marks_recent on same_problem_marks (created_at);

-- What an advisor confirmation cites, links and credits.
create table post_citations (
  post_id         integer not null references posts(id),
  cited_post_id   integer not null references posts(id),
  cited_member_id integer not null references members(id),
  primary key (post_id, cited_post_id)
);
create table post_faq_links (
  post_id    integer not null references posts(id),
  article_id integer not null references faq_articles(id),
  primary key (post_id, article_id)
);
create table post_assists (
  post_id    integer not null references posts(id),
  advisor_id integer not null references members(id),
  primary key (post_id, advisor_id)
);

alter table members add column confirmed_count integer not null default 0;
alter table members add column assist_count integer not null default 0;
-- Set by the first advisor confirmation: the thread then has a confirmed answer.
alter table threads add column confirmed_at timestamptz;

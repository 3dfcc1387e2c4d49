-- Display counters raised by replies, kept out of the reply's own statement (issue 17).
-- A reply used to update its author's and its category's rows in its transaction: every reply of
-- one category, and every reply of one member, queued on those rows. Now it appends one row here
-- (nothing shared is locked), and src/domain/repo/counters.ts folds the rows into members and
-- categories right after, at start-up, and with any later fold: committed with the reply, a row
-- is folded exactly once, so counts (and the ranks computed from them) stay exact after a crash.
create table counter_deltas (
  id           bigint generated always as identity primary key,
  member_id    integer not null references members(id) on delete cascade,
  category_id  integer not null references categories(id) on delete cascade,
  posts        integer not null,
  last_post_at timestamptz not null
);

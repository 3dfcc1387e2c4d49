-- Rate-limit counters shared by every server process on one PostgreSQL (issue 17, item 7): a
-- member's or an address's requests are counted once whichever process answers them. Unlogged:
-- counters lost in a database crash only reopen a window early. Kept to the PostgreSQL 15 subset.
create unlogged table rate_limits (
  key text primary key,
  hits integer not null,
  reset_at timestamptz not null
);
create index rate_limits_reset_at on rate_limits (reset_at);

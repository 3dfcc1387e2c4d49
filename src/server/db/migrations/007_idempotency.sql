-- Idempotency-Key on writes: a retried request is answered with the first result, not redone.
create table idempotency_keys (
  member_id    integer not null references members(id),
  key          text not null,
  request_hash text not null,
  -- null while the first request is still being handled.
  status       integer,
  response     jsonb,
  created_at   timestamptz not null default now(),
  primary key (member_id, key)
);
create index idempotency_keys_age on idempotency_keys (created_at);

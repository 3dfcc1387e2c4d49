-- The advisor queue at scale (issue 17, item 5): the threads awaiting an advisor, one row each,
-- kept by triggers in the writing transaction, so the queue reads a small indexed table instead of
-- judging every open thread (its last post's author, its community answers) on each request.
-- The rules are those the queue applied at read time (src/domain/repo/queue.ts before this):
-- a thread waits when it has no accepted or confirmed answer, is not merged, is open or answered,
-- and its last visible post is not staff's. Urgency 0 (`urgent`) is needs-account or advisor-now;
-- otherwise 1 once `due_at` (created + the category's holdback) has passed, else 2 when a member
-- other than the asker answered (`community_answer`). Time moves rows between 1 and 2, not writes.
create table advisor_queue (
  thread_id        integer primary key references threads(id) on delete cascade,
  community_id     integer not null,
  category_id      integer not null,
  urgent           boolean not null,
  -- Urgency 0's order: since the advisor-now mark, or creation when that came first.
  waiting_since    timestamptz not null,
  created_at       timestamptz not null,
  due_at           timestamptz not null,
  community_answer boolean not null
);
create index advisor_queue_urgent on advisor_queue (community_id, waiting_since, thread_id) include (category_id) where urgent;
create index advisor_queue_by_age on advisor_queue (community_id, created_at, thread_id) include (category_id, due_at) where not urgent;
create index advisor_queue_by_due on advisor_queue (community_id, due_at) include (category_id, community_answer) where not urgent;

-- Recomputes the rows of these threads: inserted or updated when waiting, deleted otherwise.
-- The threads are locked first (in id order), so two replies to one thread cannot each compute
-- from a state without the other's post and commit in the wrong order: the second waits, then
-- reads the first's post in its next statement (read committed takes a snapshot per statement).
create function advisor_queue_refresh(ids integer[]) returns void language plpgsql as $$
begin
  perform 1 from threads where id = any(ids) order by id for no key update;
  with fresh as (
    select t.id as thread_id, c.community_id, t.category_id,
      t.needs_account or t.advisor_now_at is not null as urgent,
      least(coalesce(t.advisor_now_at, t.created_at), t.created_at) as waiting_since,
      t.created_at, t.created_at + c.holdback_minutes * interval '1 minute' as due_at,
      exists (select 1 from posts p join members pm on pm.id = p.author_id
              where p.thread_id = t.id and p.kind = 'reply' and not p.hidden and p.author_id <> t.author_id and pm.role = 'member') as community_answer
    from threads t join categories c on c.id = t.category_id
    where t.id = any(ids)
      and t.accepted_post_id is null and t.confirmed_at is null and t.merged_into_id is null and t.status in ('open', 'answered')
      -- When staff wrote last (an answer, a private-message trace), the customer has the next move.
      and coalesce((select lm.role from posts lp join members lm on lm.id = lp.author_id
                    where lp.thread_id = t.id and not lp.hidden order by lp.created_at desc, lp.id desc limit 1), 'member') = 'member'
  ), gone as (
    delete from advisor_queue q where q.thread_id = any(ids) and not exists (select 1 from fresh f where f.thread_id = q.thread_id)
  )
  insert into advisor_queue (thread_id, community_id, category_id, urgent, waiting_since, created_at, due_at, community_answer)
  select * from fresh
  on conflict (thread_id) do update set community_id = excluded.community_id, category_id = excluded.category_id,
    urgent = excluded.urgent, waiting_since = excluded.waiting_since, created_at = excluded.created_at,
    due_at = excluded.due_at, community_answer = excluded.community_answer;
end
$$;

-- New posts: one call per statement, so a bulk insert (seed, bench corpus) refreshes each thread once.
create function advisor_queue_posts_inserted() returns trigger language plpgsql as $$
begin
  perform advisor_queue_refresh(array(select distinct thread_id from new_posts));
  return null;
end
$$;
create trigger advisor_queue_posts_inserted after insert on posts
  referencing new table as new_posts for each statement execute function advisor_queue_posts_inserted();

-- Hiding, moving or re-attributing a post (rare) changes who wrote last and who answered.
create function advisor_queue_post_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform advisor_queue_refresh(array[old.thread_id]); end if;
  if tg_op = 'UPDATE' and new.thread_id <> old.thread_id then perform advisor_queue_refresh(array[new.thread_id]); end if;
  return null;
end
$$;
create trigger advisor_queue_post_changed after delete or update of hidden, thread_id, author_id, kind, created_at on posts
  for each row execute function advisor_queue_post_changed();

-- The thread's own state: its status, answers, marks, category and asker.
create function advisor_queue_thread_changed() returns trigger language plpgsql as $$
begin
  perform advisor_queue_refresh(array[new.id]);
  return null;
end
$$;
create trigger advisor_queue_thread_changed after insert or update of status, accepted_post_id, confirmed_at, merged_into_id,
  needs_account, advisor_now_at, category_id, author_id, created_at on threads
  for each row execute function advisor_queue_thread_changed();

-- A category's holdback (or community) moves its threads' due times.
create function advisor_queue_category_changed() returns trigger language plpgsql as $$
begin
  update advisor_queue set community_id = new.community_id, due_at = created_at + new.holdback_minutes * interval '1 minute'
  where category_id = new.id;
  return null;
end
$$;
create trigger advisor_queue_category_changed after update of holdback_minutes, community_id on categories
  for each row execute function advisor_queue_category_changed();

-- A member who becomes staff (or stops being staff) changes "staff wrote last" and community answers
-- on every thread they wrote in (rare: an admin's action).
create function advisor_queue_member_changed() returns trigger language plpgsql as $$
begin
  perform advisor_queue_refresh(array(select distinct thread_id from posts where author_id = new.id));
  return null;
end
$$;
create trigger advisor_queue_member_changed after update of role on members
  for each row when (old.role is distinct from new.role) execute function advisor_queue_member_changed();

-- Threads written before this migration.
select advisor_queue_refresh(array(select id from threads));

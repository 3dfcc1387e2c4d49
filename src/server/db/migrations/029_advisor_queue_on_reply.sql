-- The advisor queue's triggers (027) made a reply to a hot thread slow, while the reply holds the
-- thread's row lock (issue 17, item 2). Measured on PostgreSQL with one member replying to their own
-- 500-post thread: the reply's statement took 6.8 ms, of which two full refreshes took 5.8 ms.
-- - The thread trigger ran on every reply: the reply's update names `status`, even when it
--   stays the same. It now runs only when a column the queue reads really changes.
-- - The "community answer" test joined every member to the thread's posts (2.2 ms at 117 members
--   and 340 posts). It now walks the thread's posts in order and stops at the first answer.
-- - Threads are found by their key first: the planner scanned the partial index of waiting
--   threads instead (all of them, whatever the ids), once its estimates said that index was small.
-- - A visible post by a member, on a thread that already waits, changes at most its community
--   answer. The insert trigger updates that one flag and refreshes only the other threads.
create or replace function advisor_queue_refresh(ids integer[]) returns void language plpgsql as $$
begin
  if cardinality(ids) = 0 then return; end if;
  perform 1 from threads where id = any(ids) order by id for no key update;
  -- Materialized: the waiting threads' partial index cannot serve a query that only names ids.
  with picked as materialized (
    select * from threads where id = any(ids)
  ), fresh as (
    select t.id as thread_id, c.community_id, t.category_id,
      t.needs_account or t.advisor_now_at is not null as urgent,
      least(coalesce(t.advisor_now_at, t.created_at), t.created_at) as waiting_since,
      t.created_at, t.created_at + c.holdback_minutes * interval '1 minute' as due_at,
      exists (select 1 from posts p
              where p.thread_id = t.id and p.kind = 'reply' and not p.hidden and p.author_id <> t.author_id
                and (select pm.role from members pm where pm.id = p.author_id) = 'member') as community_answer
    from picked t join categories c on c.id = t.category_id
    where t.accepted_post_id is null and t.confirmed_at is null and t.merged_into_id is null and t.status in ('open', 'answered')
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

create or replace function advisor_queue_posts_inserted() returns trigger language plpgsql as $$
declare
  ids integer[] := array(select distinct thread_id from new_posts order by thread_id);
  still_waiting integer[];
begin
  perform 1 from threads where id = any(ids) order by id for no key update;
  -- Waiting threads whose new posts are all members' or hidden: a member still wrote last.
  still_waiting := array(
    select q.thread_id from advisor_queue q where q.thread_id = any(ids)
      and not exists (select 1 from new_posts n join members m on m.id = n.author_id
                      where n.thread_id = q.thread_id and not n.hidden and m.role <> 'member'));
  update advisor_queue q set community_answer = true
  where q.thread_id = any(still_waiting) and not q.community_answer
    and exists (select 1 from new_posts n join threads t on t.id = n.thread_id join members m on m.id = n.author_id
                where n.thread_id = q.thread_id and n.kind = 'reply' and not n.hidden and n.author_id <> t.author_id and m.role = 'member');
  perform advisor_queue_refresh(array(select unnest(ids) except select unnest(still_waiting)));
  return null;
end
$$;

drop trigger advisor_queue_thread_changed on threads;
create trigger advisor_queue_thread_inserted after insert on threads
  for each row execute function advisor_queue_thread_changed();
create trigger advisor_queue_thread_changed after update of status, accepted_post_id, confirmed_at, merged_into_id,
  needs_account, advisor_now_at, category_id, author_id, created_at on threads
  for each row when (
    old.status is distinct from new.status or old.accepted_post_id is distinct from new.accepted_post_id
    or old.confirmed_at is distinct from new.confirmed_at or old.merged_into_id is distinct from new.merged_into_id
    or old.needs_account is distinct from new.needs_account or old.advisor_now_at is distinct from new.advisor_now_at
    or old.category_id is distinct from new.category_id or old.author_id is distinct from new.author_id
    or old.created_at is distinct from new.created_at)
  execute function advisor_queue_thread_changed();

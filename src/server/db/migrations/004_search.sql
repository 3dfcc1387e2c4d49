-- Full-text search (issue 3): FAQ articles, thread titles and post bodies, in French and English.
-- Each row stores the text-search configuration of its language (`search_config regconfig`), so
-- the stored vector is built with an immutable to_tsvector(regconfig, text). No `unaccent`: it
-- is a contrib extension plain PostgreSQL 15 may lack.

-- FAQ: title weighs most (A), then summary (B), then body (C).
alter table faq_articles
  add column search_config regconfig generated always as
    (case locale when 'en' then 'english'::regconfig else 'french'::regconfig end) stored,
  add column search_vector tsvector generated always as (
    setweight(to_tsvector(case locale when 'en' then 'english'::regconfig else 'french'::regconfig end, title), 'A') ||
    setweight(to_tsvector(case locale when 'en' then 'english'::regconfig else 'french'::regconfig end, summary), 'B') ||
    setweight(to_tsvector(case locale when 'en' then 'english'::regconfig else 'french'::regconfig end, body_md), 'C')
  ) stored;
create index faq_articles_search on faq_articles using gin (search_vector);

-- Thread titles (weight A, so a title match outranks a body match).
alter table threads
  add column search_config regconfig generated always as
    (case locale when 'en' then 'english'::regconfig else 'french'::regconfig end) stored,
  add column search_vector tsvector generated always as
    (setweight(to_tsvector(case locale when 'en' then 'english'::regconfig else 'french'::regconfig end, title), 'A')) stored;
create index threads_search on threads using gin (search_vector);

-- Post bodies take their thread's language. A generated column cannot read another table, so a
-- trigger fills both columns: every existing insert (services, seed) stays as it is.
alter table posts
  add column search_config regconfig not null default 'french'::regconfig,
  add column search_vector tsvector;

create function posts_search_fill() returns trigger language plpgsql as $$
begin
  select t.search_config into new.search_config from threads t where t.id = new.thread_id;
  new.search_config := coalesce(new.search_config, 'french'::regconfig);
  new.search_vector := to_tsvector(new.search_config, new.body_md);
  return new;
end
$$;
create trigger posts_search_fill before insert or update of body_md, thread_id on posts
  for each row execute function posts_search_fill();

-- Posts written before this migration.
update posts set body_md = body_md;
create index posts_search on posts using gin (search_vector);

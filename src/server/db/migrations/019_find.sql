-- Search that forgives (issue 15, item 9): each community's synonym list, and the words its
-- titles use, for "did you mean" suggestions through pg_trgm.

-- Groups of words searched as one ("roaming", "itinérance"): a JSON array of arrays of
-- lower-case words, edited in the admin view (limits in core SYNONYM_LIMITS).
alter table communities add column search_synonyms jsonb not null default '[]'::jsonb;

-- The community's own words: thread titles and FAQ titles, split by the `simple` text-search
-- configuration (lower-cased, unstemmed, no stop list), with how many titles use each. Triggers
-- keep it; suggestions pick the known word closest to a word that found nothing.
create table search_words (
  community_id integer not null references communities(id),
  word         text not null,
  uses         integer not null,
  primary key (community_id, word)
);

create function search_words_add(cid integer, title text, delta integer) returns void language sql as $$
  insert into search_words (community_id, word, uses)
  select cid, lexeme, delta from unnest(to_tsvector('simple', title)) where length(lexeme) >= 4 and lexeme !~ '[0-9]'
  on conflict (community_id, word) do update set uses = search_words.uses + excluded.uses;
  delete from search_words where community_id = cid and uses <= 0
    and word in (select lexeme from unnest(to_tsvector('simple', title)));
$$;

create function threads_search_words() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform search_words_add((select community_id from categories where id = old.category_id), old.title, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform search_words_add((select community_id from categories where id = new.category_id), new.title, 1);
  end if;
  return null;
end
$$;
create trigger threads_search_words after insert or delete or update of title, category_id on threads
  for each row execute function threads_search_words();

create function faq_search_words() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform search_words_add(old.community_id, old.title, -1); end if;
  if tg_op in ('INSERT', 'UPDATE') then perform search_words_add(new.community_id, new.title, 1); end if;
  return null;
end
$$;
create trigger faq_search_words after insert or delete or update of title, community_id on faq_articles
  for each row execute function faq_search_words();

-- Titles written before this migration.
insert into search_words (community_id, word, uses)
select community_id, lexeme, count(*)::integer from (
  select c.community_id, t.title from threads t join categories c on c.id = t.category_id
  union all select community_id, title from faq_articles
) titles, unnest(to_tsvector('simple', titles.title))
where length(lexeme) >= 4 and lexeme !~ '[0-9]'
group by community_id, lexeme;

-- pg_trgm is a contrib extension: PGlite loads it (src/domain/pglite.ts), Debian's PostgreSQL
-- ships it, a bare PostgreSQL may not. Without it search still works, with no suggestions.
do $$
begin
  create extension if not exists pg_trgm;
exception when others then
  raise notice 'pg_trgm is not available: search will make no "did you mean" suggestions';
end
$$;

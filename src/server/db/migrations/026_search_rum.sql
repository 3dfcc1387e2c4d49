-- Forum search at scale (issue 17, item 4): a RUM index on post bodies that returns matches in id
-- order (newest first, `id <=| max`) from the index alone, for words too common to rank every
-- match and not common enough for a walk over the newest posts (src/domain/repo/search-plan.ts).
-- RUM is an extension (Debian: postgresql-15-rum, installed by scripts/install-test-deps.sh);
-- creating it needs a superuser. Without it (PGlite, a managed PostgreSQL without RUM, a role
-- that may not create it) nothing changes: search keeps the GIN indexes of migration 004.
do $$
begin
  create extension if not exists rum;
exception when others then
  raise notice 'RUM is not available (%): forum search uses its GIN indexes only', sqlerrm;
end
$$;

do $$
begin
  if exists (select 1 from pg_extension where extname = 'rum') then
    execute 'create index posts_search_rum on posts using rum (search_vector rum_tsvector_addon_ops, id)
             with (attach = ''id'', to = ''search_vector'')';
  end if;
end
$$;

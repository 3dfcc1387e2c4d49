-- Administration (issue 14): the admin role, and the settings a brand sets without the demo seed.
-- Kept to the PostgreSQL 15 subset.

alter table members drop constraint members_role_check;
alter table members add constraint members_role_check check (role in ('member', 'advisor', 'moderator', 'admin'));

-- The locales the forum offers (the default `locale` is one of them), the jargon list of the
-- clarity tips (null = core's default list) and the collective-problem detection thresholds
-- (null = core's defaults).
alter table communities add column locales text[] not null default '{fr,en}';
alter table communities add column jargon jsonb;
alter table communities add column collective_threshold integer check (collective_threshold between 2 and 1000);
alter table communities add column collective_window_minutes integer check (collective_window_minutes between 5 and 10080);

-- How a category treats the customer's account (study §27): `asker` (the asker says whether
-- the account must be opened), `always` (advisors step in at once) or `never`.
alter table categories add column account_access text not null default 'asker' check (account_access in ('asker', 'always', 'never'));
-- An archived category is no longer listed and takes no new question; its threads stay readable.
alter table categories add column archived_at timestamptz;

-- The categories an advisor knows best (study §26): the queue and the plan suggest them.
create table advisor_expertise (
  member_id   integer not null references members(id),
  category_id integer not null references categories(id),
  primary key (member_id, category_id)
);
create index advisor_expertise_by_category on advisor_expertise (category_id);

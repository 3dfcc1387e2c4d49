-- FAQ articles: fed by advisors, linked from answers (study §11, §20, §32). Search columns and
-- indexes come with the search migration.
create table faq_articles (
  id           integer generated always as identity primary key,
  community_id integer not null references communities(id),
  category_id  integer references categories(id),
  slug         text not null,
  locale       text not null default 'fr' check (locale in ('fr', 'en')),
  title        text not null,
  summary      text not null default '',
  body_md      text not null,
  body_html    text not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  unique (community_id, locale, slug)
);

-- Community texts in the reader's language (issue 15, item 10). Each text keeps its column in
-- the community's default language; these maps hold the other languages' versions, keyed by
-- locale, and a reader whose language has none gets the default one.
-- An incident's title and banner: {"en": {"title": "…", "bannerText": "…"}}.
alter table incidents add column translations jsonb not null default '{}'::jsonb;
-- The advisor signature: {"en": "…"}.
alter table communities add column advisor_signature_translations jsonb not null default '{}'::jsonb;

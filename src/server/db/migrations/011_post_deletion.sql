-- A post its author (or staff) deleted stays in its thread as a tombstone: its body is emptied
-- (the audit log keeps the words, with before and after), and who deleted it is kept to say so.
alter table posts
  add column deleted_at timestamptz,
  add column deleted_by text check (deleted_by in ('author', 'staff')),
  add constraint posts_deletion_whole check ((deleted_at is null) = (deleted_by is null));

-- Following a category tells its followers about each new question there (issue 15): the
-- `new-thread` kind. Everything else of the loop is in 014. Kept to the PostgreSQL 15 subset.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'reply', 'mention', 'answer-accepted', 'answer-confirmed', 'kudos',
  'private-message', 'private-opened', 'incident', 'expert-nudge', 'new-thread'));

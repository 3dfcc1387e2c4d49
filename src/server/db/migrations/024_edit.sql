-- Staff editing a member's post tells its author (issue 15, item 6): the `post-edited` kind.
-- The reason stays in the revision and the audit log. Kept to the PostgreSQL 15 subset.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'reply', 'mention', 'answer-accepted', 'answer-confirmed', 'kudos',
  'private-message', 'private-opened', 'incident', 'expert-nudge', 'new-thread', 'post-edited'));

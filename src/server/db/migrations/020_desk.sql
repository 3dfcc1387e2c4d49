-- Incident banners a reader dismissed (issue 15, item 11). One row per member and incident; a
-- banner stays hidden while the incident's updated_at is not after dismissed_at, so a new
-- update brings it back. Guests keep theirs in the browser (localStorage).
create table incident_dismissals (
  member_id    integer not null references members(id) on delete cascade,
  incident_id  integer not null references incidents(id) on delete cascade,
  dismissed_at timestamptz not null default now(),
  primary key (member_id, incident_id)
);
create index incident_dismissals_incident on incident_dismissals (incident_id);

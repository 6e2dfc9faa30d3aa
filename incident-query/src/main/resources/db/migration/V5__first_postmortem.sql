-- When an incident's first postmortem was published (postmortem_at is the latest revision's): time to
-- postmortem runs to it. Incidents recorded before keep their only known time.
alter table incident add column first_postmortem_at timestamptz;
update incident set first_postmortem_at = postmortem_at;

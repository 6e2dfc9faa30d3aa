-- Time travel. When an incident's resolution and its first postmortem were recorded, beside when
-- they happened; and indexes that find the incidents open at an instant, by when things happened
-- (asOf) and by when they were recorded (knownAt), and a component's status at an instant, without
-- reading a page's whole history.
alter table incident add column resolved_recorded_at timestamptz;
alter table incident add column first_postmortem_recorded_at timestamptz;
update incident i set resolved_recorded_at = (select min(u.recorded_at) from incident_update u
                                              where u.incident_id = i.incident_id and u.status = 'resolved')
where i.status = 'resolved';
update incident set first_postmortem_recorded_at = first_postmortem_at where first_postmortem_at is not null;

create index incident_open_as_of on incident using gist (tstzrange(created_at, resolved_at, '[)'));
create index incident_open_known_at on incident using gist (tstzrange(recorded_at, resolved_recorded_at, '[)'));
create index component_status_known on component_status_change (page_id, component_id, recorded_at);

-- A page's updated_at is its latest change, incidents included, kept on the page's row as incident
-- events apply (not found by scanning its incidents on every read).
update page p set updated_at = greatest(p.updated_at, (select max(i.updated_at) from incident i
                                                        where i.page_id = p.page_id))
where exists (select 1 from incident i where i.page_id = p.page_id);
-- Room on each table page for a changed row's new version, so that most incident updates stay HOT.
alter table incident set (fillfactor = 80);

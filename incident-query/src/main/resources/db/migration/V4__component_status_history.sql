-- Every status an incident's entry gave a component, with when it happened (occurred_at, as the page
-- shows it) and when it was recorded: the history that uptime reads. One row per entry and
-- component named, written only when the entry is new to the incident, so a redelivery adds none.
create table component_status_change (
    page_id      varchar(64)  not null,
    component_id varchar(64)  not null,
    incident_id  varchar(64)  not null,
    update_id    varchar(64)  not null,
    status       varchar(32)  not null,
    occurred_at  timestamptz  not null,
    recorded_at  timestamptz  not null
);

create index component_status_timeline on component_status_change (page_id, component_id, occurred_at);

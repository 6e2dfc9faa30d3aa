-- The read models, folded from the event stream. Each page and incident row keeps the version
-- (the CloudEvents sequence) of the last event it applied: an event at or below it is a
-- redelivery and changes nothing. Times named *_at are display instants (occurredAt) unless
-- named recorded_at.

create table page (
    page_id     varchar(64)  primary key,
    name        text         not null,
    time_zone   text         not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table component (
    page_id      varchar(64)  not null references page (page_id),
    component_id varchar(64)  not null,
    name         text         not null,
    group_name   text,
    position     integer      not null,
    status       varchar(32)  not null default 'operational',
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    primary key (page_id, component_id)
);

create table incident (
    incident_id      varchar(64)  primary key,
    page_id          varchar(64)  not null references page (page_id),
    title            text         not null,
    impact           varchar(16)  not null,
    status           varchar(16)  not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    monitoring_at    timestamptz,
    resolved_at      timestamptz,
    postmortem_body  text,
    postmortem_at    timestamptz,
    recorded_at      timestamptz  not null,
    version          bigint       not null
);

create index incident_page_newest on incident (page_id, created_at desc, incident_id desc);
create index incident_page_unresolved on incident (page_id) where status <> 'resolved';

create table incident_update (
    update_id    varchar(64)  primary key,
    incident_id  varchar(64)  not null references incident (incident_id),
    status       varchar(16)  not null,
    label        varchar(16)  not null,
    message      text         not null,
    occurred_at  timestamptz  not null,
    recorded_at  timestamptz  not null,
    version      bigint       not null
);

create index incident_update_newest on incident_update (incident_id, version desc);

-- Every component an incident named, in the order it first named them, with the status it gave last.
create table incident_component (
    incident_id  varchar(64)  not null references incident (incident_id),
    component_id varchar(64)  not null,
    status       varchar(32)  not null,
    first_named  bigint       not null,
    primary key (incident_id, component_id)
);

-- Axon's event store (JdbcEventStorageEngine), with snake_case names configured in EventStoreConfig.
-- Payloads are JSON written by Jackson, stored as bytea; read them with
--   select convert_from(payload, 'UTF8')::jsonb from domain_event_entry;
create table domain_event_entry (
    global_index         bigserial    primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number)
);

-- Positions of Axon's tracking event processors (the Kafka relay is one).
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

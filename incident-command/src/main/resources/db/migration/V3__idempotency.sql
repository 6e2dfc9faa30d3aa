-- Answers to requests sent with an Idempotency-Key, written in the same transaction as the
-- command's events. The response (status, ETag, Location) is derived from incident_id and version.
create table idempotent_request (
    api_key_hash     varchar(64)  not null,
    idempotency_key  varchar(128) not null,
    request_hash     varchar(64)  not null,
    incident_id      varchar(64)  not null,
    version          bigint       not null,
    created_at       timestamptz  not null default now(),
    primary key (api_key_hash, idempotency_key)
);

create index idempotent_request_created_at on idempotent_request (created_at);

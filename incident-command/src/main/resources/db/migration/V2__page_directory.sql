-- The pages and components that exist, kept in the same transaction as the page events, so
-- that opening or updating an incident can check its page and components.
create table page_directory (
    page_id varchar(64) primary key
);

create table page_component (
    page_id      varchar(64) not null references page_directory (page_id),
    component_id varchar(64) not null,
    primary key (page_id, component_id)
);

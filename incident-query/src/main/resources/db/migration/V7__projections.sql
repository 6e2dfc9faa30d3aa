-- The read models as separately rebuildable projections (see io.sitrep.query.rebuild): each one's
-- state, and while it is being rebuilt, how far the rebuild has come. A projection without a row
-- has never been built in this database: if others have, it fills itself from the full event
-- history at the next start.
create table projection (
    name                varchar(64)       primary key,
    state               varchar(16)       not null,
    rebuild_position    bigint,
    rebuild_end         bigint,
    events_per_second   double precision,
    progress_at         timestamptz
);

-- A database with status pages in it was built before projections were tracked: its status pages are
-- live; its component status history (V4) was not filled from the events before it, and so is not.
insert into projection (name, state) select 'status-pages', 'live' where exists (select 1 from page);

-- The uptime projection is folded on its own: an entry's statuses are recorded once, whoever delivers them.
create unique index component_status_entry on component_status_change (update_id, component_id);

#!/bin/bash
# Run once by the postgres image when it creates the primary's data: the role the standby streams WAL
# as, its line in pg_hba.conf, and the synchronous standby that every commit waits for.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username=postgres --set=password="$REPLICATION_PASSWORD" <<'SQL'
create role replicator with replication login password :'password';
-- Takes effect when the image restarts the server after its init scripts; set now, it would make the
-- statements above wait for a standby that does not exist yet.
alter system set synchronous_standby_names = 'ANY 1 (postgres_standby)';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"

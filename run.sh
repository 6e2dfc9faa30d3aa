#!/usr/bin/env bash
# Runs Sitrep on this machine: PostgreSQL (fsync on), a single-node Kafka broker (every record
# flushed before it is acknowledged) and both services, all on 127.0.0.1, with their data in
# .sitrep/ kept between runs. Builds first when a jar is missing or out of date.
#
#   ./run.sh            start (Ctrl-C stops everything)
#   ./run.sh --fresh    wipe the data (databases and Kafka's logs) first
#
# Ports come from SITREP_PG_PORT (15432), SITREP_KAFKA_PORT (9092), SITREP_COMMAND_PORT (8080) and
# SITREP_QUERY_PORT (8081); Kafka's KRaft controller takes a free port at each start, which no
# client needs. SITREP_API_KEYS, if set, adds keys to the built-in sitrep-local-key.
set -euo pipefail
for arg in "$@"; do
  [[ "$arg" == --fresh ]] || { echo "usage: ./run.sh [--fresh]" >&2; exit 2; }
done
cd "$(dirname "$0")"
source deploy/launch.sh
launch run.sh deploy/local-infra local-infra "$@"

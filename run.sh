#!/usr/bin/env bash
# Runs Sitrep on this machine: PostgreSQL (fsync on), a single-node Kafka broker (every record
# flushed before it is acknowledged) and both services, all on 127.0.0.1, with their data in
# .sitrep/ kept between runs. Builds first when a jar is missing or out of date.
#
#   ./run.sh            start (Ctrl-C stops everything)
#   ./run.sh --fresh    wipe the data (databases and Kafka's logs) first
#   ./run.sh --cluster  start a small cluster instead: three Kafka brokers (9092-9094), PostgreSQL
#                       as a primary (15432) and a synchronous standby (15433), two instances of each
#                       service (8080/8082, 8081/8083); always empty, its data in .sitrep/cluster.
#                       Type "help" for the commands that freeze, kill and restart its parts.
#
# Ports come from SITREP_PG_PORT (15432), SITREP_KAFKA_PORT (9092), SITREP_COMMAND_PORT (8080) and
# SITREP_QUERY_PORT (8081); Kafka's KRaft controller takes a free port at each start, which no
# client needs. SITREP_API_KEYS, if set, adds keys to the built-in sitrep-local-key.
set -euo pipefail
for arg in "$@"; do
  [[ "$arg" == --fresh || "$arg" == --cluster ]] || { echo "usage: ./run.sh [--fresh] [--cluster]" >&2; exit 2; }
done
cd "$(dirname "$0")"
source deploy/launch.sh
launch run.sh deploy/local-infra local-infra "$@"

#!/usr/bin/env bash
# Benchmarks the whole system on this machine and prints one table: Sitrep started as ./run.sh
# starts it (PostgreSQL with fsync on, Kafka flushing every record, both services as their own
# JVMs), loaded over HTTP from this process, next to the ceilings of the same machine measured in
# the same run (raw JDBC appends, raw Kafka, a static answer from the same web stack). Builds first
# when a jar is missing or out of date. See docs/performance.md.
#
#   ./bench.sh                     the full run, about 15 minutes: 7 for the load phases, then a
#                                  history of 1,000,000 events written onto the topic, applied,
#                                  looked back into (asOf) and every read model rebuilt from it
#   ./bench.sh --quick             short phases and a history of 100,000 events (about 5 minutes)
#   ./bench.sh --rebuild=<n>       a history of n events for the last phase (0 leaves it out)
#   ./bench.sh --duration=60       measure write saturation for 60 s (default 30, 8 with --quick)
#   ./bench.sh --out=<dir>         where results.json, table.md and latency-throughput.svg go
#                                  (default .sitrep/bench; a relative <dir> is from the repo root)
#   ./bench.sh --stored=1000000    first store a history of a million events through the write API
#                                  (about 30 minutes in all), then measure; writes to
#                                  .sitrep/bench-stored, next to the last empty-store run's figures
#   ./bench.sh --stored=<n> --baseline=<results.json>   compare with that run's figures instead
#
# It has ports and data of its own, so it runs beside ./run.sh: PostgreSQL 25432, Kafka 19092,
# incident-command 18080, incident-query 18081 (SITREP_PG_PORT, SITREP_KAFKA_PORT,
# SITREP_COMMAND_PORT and SITREP_QUERY_PORT override them), data in .sitrep/bench-data, wiped at
# every start. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
source deploy/launch.sh
launch bench.sh deploy/bench bench "$@"

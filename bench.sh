#!/usr/bin/env bash
# Benchmarks the whole system on this machine and prints one table: Sitrep started as ./run.sh
# starts it (PostgreSQL with fsync on, Kafka flushing every record, both services as their own
# JVMs), loaded over HTTP from this process, next to the ceilings of the same machine measured in
# the same run (raw JDBC appends, raw Kafka, a static answer from the same web stack). Builds first
# when a jar is missing or out of date. See docs/performance.md.
#
#   ./bench.sh                     the full run, about 7 minutes
#   ./bench.sh --quick             short phases (a smoke run, about 3 minutes with start-up)
#   ./bench.sh --duration=60       measure write saturation for 60 s (default 30, 8 with --quick)
#   ./bench.sh --out=<dir>         where results.json, table.md and latency-throughput.svg go
#                                  (default .sitrep/bench; a relative <dir> is from the repo root)
#
# It has ports and data of its own, so it runs beside ./run.sh: PostgreSQL 25432, Kafka 19092,
# incident-command 18080, incident-query 18081 (SITREP_PG_PORT, SITREP_KAFKA_PORT,
# SITREP_COMMAND_PORT and SITREP_QUERY_PORT override them), data in .sitrep/bench-data, wiped at
# every start. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"

# The project version: the root pom's own <version>, the only one indented by two spaces.
version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml)"
[[ -n "$version" ]] || { echo "bench.sh: cannot read the project version from pom.xml" >&2; exit 1; }

command_jar="$root/incident-command/target/incident-command-$version.jar"
query_jar="$root/incident-query/target/incident-query-$version.jar"
bench_jar="$root/deploy/bench/target/bench-$version-exec.jar"

needs_build() {
  local jar oldest=""
  for jar in "$command_jar" "$query_jar" "$bench_jar"; do
    [[ -f "$jar" ]] || return 0
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then oldest="$jar"; fi
  done
  # Any pom.xml or source file changed since the oldest jar was built?
  [[ -n "$(find . \( -path ./.git -o -path ./.sitrep -o -name target \) -prune \
      -o \( -name pom.xml -o -path '*/src/*' \) -type f -newer "$oldest" -print -quit)" ]]
}

if needs_build; then
  echo "bench.sh: building (./mvnw -q -B -DskipTests package)"
  ./mvnw -q -B -DskipTests package
fi

exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$bench_jar" \
  --repo-root="$root" --command-jar="$command_jar" --query-jar="$query_jar" "$@"

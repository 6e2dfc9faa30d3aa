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
root="$(pwd)"

# The project version: the root pom's own <version>, the only one indented by two spaces.
version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml)"
[[ -n "$version" ]] || { echo "run.sh: cannot read the project version from pom.xml" >&2; exit 1; }

command_jar="$root/incident-command/target/incident-command-$version.jar"
query_jar="$root/incident-query/target/incident-query-$version.jar"
launcher_jar="$root/deploy/local-infra/target/local-infra-$version-exec.jar"

needs_build() {
  local jar oldest=""
  for jar in "$command_jar" "$query_jar" "$launcher_jar"; do
    [[ -f "$jar" ]] || return 0
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then oldest="$jar"; fi
  done
  # Any pom.xml or source file changed since the oldest jar was built?
  [[ -n "$(find . \( -path ./.git -o -path ./.sitrep -o -name target \) -prune \
      -o \( -name pom.xml -o -path '*/src/*' \) -type f -newer "$oldest" -print -quit)" ]]
}

if needs_build; then
  echo "run.sh: building (./mvnw -q -B -DskipTests package)"
  ./mvnw -q -B -DskipTests package
fi

exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$launcher_jar" \
  --repo-root="$root" --command-jar="$command_jar" --query-jar="$query_jar" "$@"

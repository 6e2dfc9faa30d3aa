# Sourced by ./run.sh and ./bench.sh, from the repository root: builds when a jar is missing or
# older than the sources, then starts a launcher jar with the two services' jars.
#
#   launch <script name> <launcher module dir> <launcher artifact> [arguments...]

launch() {
  local name="$1" module="$2" artifact="$3"
  shift 3
  local root version
  root="$(pwd)"
  # The project version: the root pom's own <version>, the only one indented by two spaces.
  version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml)"
  [[ -n "$version" ]] || { echo "$name: cannot read the project version from pom.xml" >&2; exit 1; }

  local command_jar="$root/incident-command/target/incident-command-$version.jar"
  local query_jar="$root/incident-query/target/incident-query-$version.jar"
  local launcher_jar="$root/$module/target/$artifact-$version-exec.jar"

  if needs_build "$command_jar" "$query_jar" "$launcher_jar"; then
    echo "$name: building (./mvnw -q -B -DskipTests package)"
    ./mvnw -q -B -DskipTests package
  fi

  exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$launcher_jar" \
    --repo-root="$root" --command-jar="$command_jar" --query-jar="$query_jar" "$@"
}

# True when a jar is missing, or any pom.xml or source file changed since the oldest was built.
needs_build() {
  local jar oldest=""
  for jar in "$@"; do
    [[ -f "$jar" ]] || return 0
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then oldest="$jar"; fi
  done
  [[ -n "$(find . \( -path ./.git -o -path ./.sitrep -o -name target \) -prune \
      -o \( -name pom.xml -o -path '*/src/*' \) -type f -newer "$oldest" -print -quit)" ]]
}

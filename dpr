#!/usr/bin/env bash
# dpr launcher: builds the application when it is missing or older than its sources, then runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/dpr.jar"

needs_build() {
  [ -f "$jar" ] || return 0
  [ -d "$here/target/lib" ] || return 0
  [ -n "$(find "$here/pom.xml" "$here/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "dpr: building the application (first run or sources changed; takes a minute) ..." >&2
  if ! (cd "$here" && mvn -B -q -ntp -DskipTests package > "$here/target-build.log" 2>&1); then
    echo "dpr: build failed; see $here/target-build.log" >&2
    exit 1
  fi
  rm -f "$here/target-build.log"
fi

export OPT_OUT_TRACKING=true
# libtorch's threads sleep rather than spin while waiting: much faster on a busy machine
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
exec java ${DPR_JAVA_OPTS:--Xmx8g} -Djava.awt.headless=true -DOPT_OUT_TRACKING=true -Ddpr.home="$here" \
  -jar "$jar" "$@"

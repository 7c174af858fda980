#!/usr/bin/env bash
# Per-stage cost of the report pipeline on one machine, in one run: each stage in its own JVM, on the
# first LINES lines of LOG held in memory (split, parse, encode, encode on two threads, append), then
# reading a queue ingested from all of LOG (decode, aggregate). Prints lines/s and microseconds per line; a step's cost is the
# difference between two rows.
#
#   benchmarks/run-stages.sh LOG [LINES]      (LINES default 1000000; LOG in the timing format)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$1"
lines="${2:-1000000}"
jar="$here/benchmarks/target/benchmarks.jar"
[ -f "$jar" ] || (cd "$here" && mvn -q -B -DskipTests package -pl benchmarks -am)
flags=(-Xmx4g -XX:+UseParallelGC
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
run() { java "${flags[@]}" -cp "$jar" io.ngxtime.benchmarks.PipelineStages "$@" 2>&1 | grep -v '^SLF4J'; }
echo "$(wc -l < "$log") lines in $log; first $lines held in memory; $(nproc) cores"
for s in split parse encode encode2 append; do run "$log" "$s" "$lines"; done
q="$(mktemp -d)"
trap 'rm -rf "$q"' EXIT
NGXTIME_JAVA_OPTS="${NGXTIME_JAVA_OPTS:--Xmx512m}" "$here/ngxtime" ingest "$log" --log-format timing --queue "$q" >/dev/null
for s in decode aggregate; do run "$q" "$s"; done

#!/usr/bin/env bash
# Adversarial cardinality: N lines (default 5,000,000), each with its own path, client address, referrer,
# user agent and upstream address (65,536 distinct), through `report FILE` and through `ingest` +
# `report --queue`, each with a 512 MB heap. Prints lines/s, peak RSS and which tables say they are
# approximate; then a five-line log whose clock jumps 124 years (1975 to 2099), which must not walk
# every minute between. Needs GNU time (/usr/bin/time, Debian package `time`).
#
#   benchmarks/run-cardinality.sh [DIR] [N]      DIR: where the files go (default /tmp/ngxtime-cardinality)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-/tmp/ngxtime-cardinality}"
n="${2:-5000000}"
mkdir -p "$dir"
log="$dir/distinct-$n.log"
export NGXTIME_JAVA_OPTS="${NGXTIME_JAVA_OPTS:--Xmx512m}"
"$here/ngxtime" --version >/dev/null

if [ ! -s "$log" ]; then
  echo "generating $log..." >&2
  "$here/benchmarks/distinct-lines.sh" "$n" > "$log"
fi

approx() { # JSON file: the tables marked approximate
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("requests", d["requests"], "approximate:", " ".join(k for k in ("routes","paths","clients") if d[k]["approximate"]), "upstreams" if d.get("upstreams_approximate") else "")' "$1" 2>/dev/null || echo "(python3 missing: see $1)"
}
measure() { # name, JSON output file, command...
  local name="$1" json="$2"; shift 2
  local out
  out=$( { /usr/bin/time -f '%e %M %x' "$@" >"$json"; } 2>&1 | tail -1 )
  read -r secs rss rc <<<"$out"
  awk -v n="$name" -v l="$n" -v s="$secs" -v r="$rss" -v c="$rc" \
    'BEGIN { printf "%-28s exit %s  %9.0f lines/s  %6.1f s  peak RSS %5.0f MB\n", n, c, l/s, s, r/1024 }'
}

echo "input: $n lines with distinct values; heap: $NGXTIME_JAVA_OPTS; $(nproc) cores"
measure "report FILE" "$dir/file.json" "$here/ngxtime" report "$log" --log-format timing --json
approx "$dir/file.json"
rm -rf "$dir/q"
measure "ingest" /dev/null "$here/ngxtime" ingest "$log" --log-format timing --queue "$dir/q"
measure "report --queue" "$dir/queue.json" "$here/ngxtime" report --queue "$dir/q" --json
approx "$dir/queue.json"
rm -rf "$dir/q"

span="$dir/span.log"
{
  head -n 3 "$log"
  echo '1.2.3.4 - - [05/Dec/1975:10:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "x" rt=0.012 ua="10.0.0.0:8080" us="200" uct="0.001" uht="0.010" urt="0.011" ucs=- msec=187005600.000'
  echo '1.2.3.4 - - [05/Dec/2099:10:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "x" rt=0.012 ua="10.0.0.0:8080" us="200" uct="0.001" uht="0.010" urt="0.011" ucs=- msec=4100148000.000'
} > "$span"
n=5
measure "report (124-year span)" "$dir/span.json" "$here/ngxtime" report "$span" --log-format timing --json

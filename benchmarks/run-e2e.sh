#!/usr/bin/env bash
# End-to-end benchmark: lines/s and peak RSS of `ngxtime report` and `ngxtime ingest` on a generated
# week of logs (about 10M lines in the timing format), with a 512 MB heap; then the same with 1M
# distinct paths and client addresses; and GoAccess on the same file when it is installed
# (apt-get install goaccess), so the figures can be read as ratios from one run.
#
#   benchmarks/run-e2e.sh [DIR] [RATE]     DIR: where the big files go (default /tmp/ngxtime-bench)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-/tmp/ngxtime-bench}"
rate="${2:-20.7}"
mkdir -p "$dir"
log="$dir/week.log"
wide="$dir/week-wide.log"
export NGXTIME_JAVA_OPTS="${NGXTIME_JAVA_OPTS:--Xmx512m}"

"$here/ngxtime" --version >/dev/null
if [ ! -s "$log" ]; then
  echo "generating $log (rate $rate/s for 7 days)..." >&2
  "$here/ngxtime" generate --days 7 --rate "$rate" --seed 7 --out "$log" --expected "$dir/week.expected.json" >&2
fi
lines=$(wc -l < "$log")
bytes=$(stat -c %s "$log")
if [ ! -s "$wide" ]; then
  echo "making $wide: 1.5M lines, each with its own path and client address..." >&2
  head -n 1500000 "$log" | awk '{ n++; $1 = "10." int(n/65536)%256 "." int(n/256)%256 "." n%256; $7 = "/u/" n; print }' > "$wide"
fi

measure() { # name, command...
  local name="$1"; shift
  local t0 t1 out
  out=$( { /usr/bin/time -f '%e %M' "$@" >/dev/null; } 2>&1 | tail -1 )
  local secs=${out% *} rss=${out#* }
  awk -v n="$name" -v l="$lines" -v s="$secs" -v r="$rss" -v b="$bytes" \
    'BEGIN { printf "%-36s %10.0f lines/s  %7.1f s  peak RSS %6.0f MB  (%.0f MB/s)\n", n, l/s, s, r/1024, b/1048576/s }'
}

echo "input: $lines lines, $((bytes / 1048576)) MB; heap: $NGXTIME_JAVA_OPTS; $(nproc) cores"
measure "ngxtime report (through the queue)" "$here/ngxtime" report "$log" --log-format timing --json
rm -rf "$dir/q"
measure "ngxtime ingest (into a queue)" "$here/ngxtime" ingest "$log" --log-format timing --queue "$dir/q"
echo "queue on disk: $(du -sb "$dir/q" | cut -f1) bytes allocated, $(( $(du -sb "$dir/q" | cut -f1) / lines )) bytes per line (files are preallocated)"
measure "ngxtime report --queue (one hour)" "$here/ngxtime" report --queue "$dir/q" --from 2026-10-08T14:00:00-07:00 --to 2026-10-08T15:00:00-07:00 --json
wide_lines=$(wc -l < "$wide")
lines=$wide_lines bytes=$(stat -c %s "$wide") measure "report, $wide_lines distinct paths+IPs" "$here/ngxtime" report "$wide" --log-format timing --json
if command -v goaccess >/dev/null; then
  measure "goaccess (same file, --json)" goaccess "$log" --log-format='%h - %e [%d:%t %^] "%r" %s %b "%R" "%u" rt=%T %^' \
    --date-format=%d/%b/%Y --time-format=%T -o "$dir/goaccess.json"
else
  echo "goaccess not installed: apt-get install goaccess for the side-by-side figure"
fi

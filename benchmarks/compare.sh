#!/usr/bin/env bash
# ngxtime next to GoAccess on the same file: `ngxtime report` (through the launcher, JSON to /dev/null) and
# GoAccess (a matching --log-format, JSON to a file, no real-time) run alternately, RUNS times each; prints
# per tool the best and median wall time, lines/s and MB/s (of the best run), the highest peak RSS, and the
# ratio of the best wall times.
#
#   benchmarks/compare.sh [--cardinality] [--runs N] [LINES]
#
#   LINES          lines in the input (default 2000000)
#   --runs N       runs of each tool (default 3)
#   --cardinality  the high-cardinality input instead: every line its own path, client address,
#                  referrer and user agent (as benchmarks/run-cardinality.sh makes it)
#
# The default input is `ngxtime generate`'s traffic in the format of issue 15 (combined plus rt, uct, uht,
# urt), seed 1: the same LINES give the same bytes. Inputs are cached under benchmarks/target/compare (or
# $NGXTIME_COMPARE_DIR). Installs GoAccess and GNU time from Debian's packages when missing. Run it on a
# quiet machine: the figures are wall times, the JVM's start included. NGXTIME_JAVA_OPTS is passed through.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

lines=2000000
runs=3
mode=generated
while [ $# -gt 0 ]; do
  case "$1" in
    --cardinality) mode=cardinality ;;
    --runs) runs="$2"; shift ;;
    --runs=*) runs="${1#--runs=}" ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) lines="$1" ;;
  esac
  shift
done
case "$lines$runs" in *[!0-9]*) echo "compare.sh: LINES and --runs take a number" >&2; exit 2 ;; esac

dir="${NGXTIME_COMPARE_DIR:-$here/benchmarks/target/compare}"
mkdir -p "$dir"

need=()
command -v goaccess >/dev/null || need+=(goaccess)
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (Debian packages)..." >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
fi

# The launcher builds the jar and its start-up archive on its first run: not in the timed runs.
"$here/ngxtime" --version >/dev/null

# One format for both tools. GoAccess: %h client, %d:%t time (its date and time formats below), %r request,
# %s status, %b bytes, %R referrer, %u user agent, %T request time in seconds; %^ skips a field.
nginx_format='$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time uct="$upstream_connect_time" uht="$upstream_header_time" urt="$upstream_response_time"'
goaccess_format='%h %^[%d:%t %^] "%r" %s %b "%R" "%u" rt=%T %^'

if [ "$mode" = generated ]; then
  log="$dir/generated-$lines.log"
  ngxtime_format=(--log-format "$nginx_format")
  if [ ! -s "$log" ]; then
    # about 93,000 lines a day per unit of --rate (issue 15: --days 1 --rate 12 gave 1.12M); a rate with
    # room to spare, then the first LINES lines
    rate=$(( lines / 80000 + 1 ))
    echo "generating $log ($lines lines, --days 1 --rate $rate --seed 1)..." >&2
    # head stops reading at LINES and the generator then dies of SIGPIPE: the line count below is the check
    "$here/ngxtime" generate --days 1 --rate "$rate" --seed 1 --format "$nginx_format" | head -n "$lines" > "$log.tmp" || true
    [ "$(wc -l < "$log.tmp")" -eq "$lines" ] || { echo "compare.sh: the generator gave fewer than $lines lines" >&2; exit 1; }
    mv "$log.tmp" "$log"
  fi
else
  log="$dir/distinct-$lines.log"
  ngxtime_format=(--log-format timing)
  if [ ! -s "$log" ]; then
    echo "generating $log ($lines lines with distinct values)..." >&2
    "$here/benchmarks/distinct-lines.sh" "$lines" > "$log.tmp"
    mv "$log.tmp" "$log"
  fi
fi
bytes=$(stat -c %s "$log")

results="$dir/results.$$"
trap 'rm -f "$results"' EXIT
: > "$results"
measure() { # tool, command... : appends "tool seconds peak-RSS-KB" to $results
  local tool="$1"; shift
  if ! /usr/bin/time -o "$dir/$tool.time" -f '%e %M' "$@" >/dev/null 2>"$dir/$tool.err"; then
    echo "compare.sh: $tool failed; see $dir/$tool.err" >&2
    exit 1
  fi
  echo "$tool $(tail -1 "$dir/$tool.time")" >> "$results"
}

echo "input: $log, $lines lines, $((bytes / 1048576)) MB; $runs runs each, alternating; $(nproc) cores; $(goaccess --version | head -1)"
for _ in $(seq "$runs"); do
  measure ngxtime "$here/ngxtime" report "$log" "${ngxtime_format[@]}" --json --quiet
  measure goaccess goaccess "$log" --log-format="$goaccess_format" --date-format=%d/%b/%Y --time-format=%T \
    --no-global-config --no-progress -o "$dir/goaccess.json"
done

python3 - "$results" "$lines" "$bytes" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
lines, size = int(sys.argv[2]), int(sys.argv[3])
best = {}
print("%-9s %9s %9s %12s %8s %14s" % ("tool", "best s", "median s", "lines/s", "MB/s", "peak RSS MB"))
for tool in ("ngxtime", "goaccess"):
    secs = [float(r[1]) for r in rows if r[0] == tool]
    rss = [int(r[2]) for r in rows if r[0] == tool]
    b = max(min(secs), 0.01)
    best[tool] = b
    print("%-9s %9.2f %9.2f %12.0f %8.1f %14.0f" % (tool, b, statistics.median(secs), lines / b, size / 1048576 / b, max(rss) / 1024))
print("ratio (GoAccess wall / ngxtime wall, best runs): %.1fx" % (best["goaccess"] / best["ngxtime"]))
EOF

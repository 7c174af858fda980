#!/usr/bin/env bash
# Memory of a live tail: writes a generated (timing-format) log at a steady rate, follows it with
# `ngxtime tail --json --queue`, samples the tail JVM's resident memory (VmRSS) every 10 s, and checks at
# the end that tail counted every line written.
#
#   benchmarks/run-tail-rss.sh [MINUTES] [LINES_PER_SECOND]      (default: 10 minutes at 2000 lines/s)
#
# The JVM flags are the launcher's (its default heap for tail included); NGXTIME_JAVA_OPTS adds to them.
# Needs perl (the writer) and Linux (/proc). Prints a table, the peak and last RSS, and OK or MISMATCH
# (exit 1 on a mismatch).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-10}"
rate="${2:-2000}"
case "$minutes$rate" in *[!0-9]*) echo "usage: $0 [MINUTES] [LINES_PER_SECOND] (whole numbers)" >&2; exit 2 ;; esac
seconds=$((minutes * 60))
total=$((seconds * rate))
work="$(mktemp -d "${TMPDIR:-/tmp}/ngxtime-tail-rss.XXXXXX")"
log="$work/access.log"
pids=()
cleanup() {
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

"$here/ngxtime" --version >/dev/null # builds the jar first when the sources changed
# a real-shaped log whose times start now; more hours than needed, cut to the lines written (no malformed
# lines, so every line written is a request)
"$here/ngxtime" generate --hours $((minutes / 60 + 2)) --rate "$rate" --peaks 0 --no-spike \
  --malformed-per-million 0 --start "$(date +%Y-%m-%dT%H:%M:%S%:z)" 2>/dev/null | head -n "$total" > "$work/source.log" || true
have=$(wc -l < "$work/source.log")
if [ "$have" -lt "$total" ]; then
  echo "the generator gave $have lines, fewer than the $total needed" >&2
  exit 1
fi
: > "$log"

# tail reads the file from its start (it is empty), so no line is written before it follows
"$here/ngxtime" tail --json --from-start --queue "$work/queue" --duration $((seconds + 30)) "$log" \
  > "$work/tail.jsonl" 2> "$work/tail.err" &
tail_pid=$!  # the launcher execs java: this is the JVM
pids+=("$tail_pid")
sleep 3

# the writer: exactly RATE lines per second of elapsed time, appended every 50 ms; its count in a file
perl -MTime::HiRes=time,sleep -e '
  my ($src, $log, $rate, $secs, $countFile) = @ARGV;
  open(my $in, "<", $src) or die "$src: $!";
  open(my $out, ">>", $log) or die "$log: $!";
  my $t0 = time; my $n = 0;
  while (1) {
    my $el = time - $t0; $el = $secs if $el > $secs;
    my $target = int($el * $rate);
    while ($n < $target) { my $l = <$in>; last unless defined $l; print $out $l; $n++; }
    $out->flush();
    open(my $c, ">", "$countFile.tmp"); print $c "$n\n"; close $c; rename "$countFile.tmp", $countFile;
    last if $el >= $secs;
    sleep 0.05;
  }' "$work/source.log" "$log" "$rate" "$seconds" "$work/written" &
writer_pid=$!
pids+=("$writer_pid")

rss_mb() { awk -v k="${2:-VmRSS}:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# requests tail has counted, from its last complete JSON line (requests_total, where tail prints it)
tail_seen() {
  local v
  v=$(grep '}$' "$work/tail.jsonl" 2>/dev/null | tail -n 1 | grep -o '"requests_total" *: *[0-9]*' | awk 'NR == 1' | grep -o '[0-9]*$' || true)
  echo "${v:--}"
}

# RSS is anonymous memory (heap, metaspace, stacks, malloc) plus mapped files (the queue's cycle files)
printf '%8s %8s %8s %8s %12s %14s\n' "elapsed" "RSS_MB" "anon_MB" "file_MB" "written" "tail_counted"
start=$(date +%s)
peak=0
last=0
while kill -0 "$writer_pid" 2>/dev/null; do
  sleep 10
  kill -0 "$tail_pid" 2>/dev/null || { echo "tail ended early:" >&2; cat "$work/tail.err" >&2; exit 1; }
  last=$(rss_mb "$tail_pid")
  [ "$last" -gt "$peak" ] && peak=$last
  printf '%7ss %8s %8s %8s %12s %14s\n' "$(( $(date +%s) - start ))" "$last" "$(rss_mb "$tail_pid" RssAnon)" \
    "$(rss_mb "$tail_pid" RssFile)" "$(cat "$work/written" 2>/dev/null || echo 0)" "$(tail_seen)"
done
wait "$writer_pid" || true
written=$(cat "$work/written")
# let tail read what was written last, then stop it as Ctrl-C would
sleep 12
last=$(rss_mb "$tail_pid"); [ "$last" -gt "$peak" ] && peak=$last
printf '%7ss %8s %8s %8s %12s %14s\n' "$(( $(date +%s) - start ))" "$last" "$(rss_mb "$tail_pid" RssAnon)" \
  "$(rss_mb "$tail_pid" RssFile)" "$written" "$(tail_seen)"
kill -INT "$tail_pid" 2>/dev/null || true
wait "$tail_pid" || true

# what tail appended to its queue: every line it read
queued=$("$here/ngxtime" report --queue "$work/queue" --json 2>/dev/null | grep -o '"lines" *: *[0-9]*' | head -1 | grep -o '[0-9]*$')
seen=$(tail_seen)
echo "rate $rate lines/s for $minutes min; JVM options: ${NGXTIME_JAVA_OPTS:-launcher defaults}; $(nproc) cores"
echo "peak RSS ${peak} MB, last RSS ${last} MB"
echo "lines written $written; lines in tail's queue $queued; tail's requests_total $seen"
if [ "$queued" = "$written" ] && { [ "$seen" = "-" ] || [ "$seen" = "$written" ]; }; then
  echo "OK: tail counted every line written"
else
  echo "MISMATCH: written $written, queued $queued, tail's requests_total $seen"
  exit 1
fi

#!/usr/bin/env bash
# Tries the Debian package as a machine without Java would run it: check-deb.sh DEB JAR. Unpacks DEB into a
# scratch root (dpkg -x: nothing is installed on this machine), then runs the unpacked /usr/bin/ngxtime with an
# environment that has no java on its PATH and no JAVA_HOME, and checks, command by command, that it works and
# agrees with `java -jar JAR`. Called by .ci/run after `mvn -P deb verify`. Prints one line per check; exits
# non-zero at the first that fails.
set -euo pipefail

deb="$(readlink -f "$1")"
jar="$(readlink -f "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
samples="$(cd "$here/../../testdata/samples" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
root="$scratch/root"
passed=0
failed=0

ok() { echo "check-deb: ok: $*"; passed=$((passed + 1)); }
fail() {
  echo "check-deb: FAILED: $*" >&2
  failed=$((failed + 1))
  echo "$passed passed, $failed failed"
  exit 1
}

dpkg-deb --info "$deb" >/dev/null || fail "dpkg-deb cannot read $deb"
dpkg -x "$deb" "$root"
size_kb=$(($(stat -c %s "$deb") / 1024))
[ "$size_kb" -lt $((40 * 1024)) ] || fail "the package is $size_kb KB, over 40 MB"
ok "unpacked $(basename "$deb") ($((size_kb / 1024)) MB)"

# no java anywhere the installed command could find one: an empty PATH directory, no JAVA_HOME
nojava="$scratch/bin"
mkdir -p "$nojava"
run() { env -i HOME="$scratch" LANG=C.UTF-8 PATH="$nojava" "$root/usr/bin/ngxtime" "$@"; }
env -i PATH="$nojava" /bin/bash -c 'command -v java' >/dev/null 2>&1 && fail "java is on the test's PATH"

for f in usr/share/man/man1/ngxtime.1.gz usr/share/man/man1/ngxtime-report.1.gz \
    usr/share/bash-completion/completions/ngxtime usr/share/zsh/vendor-completions/_ngxtime \
    usr/share/doc/ngxtime/copyright usr/share/doc/ngxtime/licenses/README.md \
    usr/lib/systemd/system/ngxtime-tail.service opt/ngxtime/lib/app/ngxtime.jsa; do
  [ -s "$root/$f" ] || fail "the package lacks /$f"
done
ok "man pages, completion, licences, systemd unit and CDS archive are in place"
zcat "$root/usr/share/man/man1/ngxtime-report.1.gz" | grep -q '^\.TH "NGXTIME\\-REPORT" "1"' \
  || fail "ngxtime-report.1 is no roff man page"
ok "the man pages are roff"

expected_version="$(java -jar "$jar" --version)"
actual_version="$(run --version)" || fail "ngxtime --version exited $?"
[ "$actual_version" = "$expected_version" ] || fail "--version: '$actual_version', the jar says '$expected_version'"
ok "ngxtime --version: $actual_version"

# the launcher starts the runtime and nothing else: jpackage's native launcher asked rpm and dpkg which package owns
# it on every start (0.3 s of a 0.75 s small report); a dpkg or rpm on the PATH would now record being asked
for tool in dpkg rpm dpkg-query; do
  printf '#!/bin/sh\necho "$0 $*" >>%q\n' "$scratch/asked" >"$nojava/$tool"
  chmod +x "$nojava/$tool"
done
run --version >/dev/null || fail "ngxtime --version exited $?"
[ ! -e "$scratch/asked" ] || fail "the launcher ran a package manager: $(cat "$scratch/asked")"
rm -f "$nojava/dpkg" "$nojava/rpm" "$nojava/dpkg-query"
ok "the launcher starts the runtime directly (no dpkg or rpm query)"

sample="$samples/timing-small.log"
java -jar "$jar" report "$sample" --json >"$scratch/jar.json" 2>/dev/null
run report "$sample" --json >"$scratch/deb.json" 2>"$scratch/err" || fail "report exited $?: $(cat "$scratch/err")"
cmp -s "$scratch/jar.json" "$scratch/deb.json" || fail "report --json differs from the jar's: $(diff "$scratch/jar.json" "$scratch/deb.json" | head -5)"
ok "report --json on $(basename "$sample") is the jar's, byte for byte"

# Chronicle Queue: ingest, report --queue, tail --queue (the JVM flags in the launcher's configuration)
run ingest --queue "$scratch/queue" "$sample" >/dev/null 2>"$scratch/err" || fail "ingest exited $?: $(cat "$scratch/err")"
run report --queue "$scratch/queue" --json >"$scratch/queue.json" 2>"$scratch/err" || fail "report --queue exited $?: $(cat "$scratch/err")"
grep -q '"requests" : 1760,' "$scratch/queue.json" || fail "report --queue did not count the sample's 1,760 requests"
run tail --queue "$scratch/live" --from-start --duration 2 --interval 1 --json "$sample" >"$scratch/tail.json" 2>"$scratch/err" \
  || fail "tail --queue exited $?: $(cat "$scratch/err")"
tail -n 1 "$scratch/tail.json" | grep -q '"requests_total":1760,' || fail "tail --queue did not read the sample's 1,760 requests"
! grep -qi 'exception\|warning' "$scratch/err" || fail "tail --queue warned: $(cat "$scratch/err")"
ok "ingest, report --queue and tail --queue"

# the heap: 192 MB unless JAVA_TOOL_OPTIONS says otherwise (build-deb.sh: -XX:MaxRAM sets only the default), and
# the service unit's options start the JVM (no second collector chosen)
heap() {
  env -i HOME="$scratch" LANG=C.UTF-8 PATH="$nojava" JAVA_TOOL_OPTIONS="$1 -XX:+PrintFlagsFinal" "$root/usr/bin/ngxtime" --version \
    2>/dev/null | awk '$2 == "MaxHeapSize" { print $4 }'
}
[ "$(heap '')" = 201326592 ] || fail "the default heap is '$(heap '')' bytes, not 192 MB"
[ "$(heap -Xmx512m)" = 536870912 ] || fail "JAVA_TOOL_OPTIONS=-Xmx512m gave a heap of '$(heap -Xmx512m)' bytes"
service_opts="$(sed -n 's/^Environment="JAVA_TOOL_OPTIONS=\(.*\)"$/\1/p' "$root/usr/lib/systemd/system/ngxtime-tail.service")"
[ -n "$service_opts" ] || fail "no JAVA_TOOL_OPTIONS in the service unit"
[ "$(heap "$service_opts")" = 201326592 ] || fail "the service unit's options ($service_opts) gave a heap of '$(heap "$service_opts")' bytes"
ok "the heap: 192 MB by default, 512 MB with JAVA_TOOL_OPTIONS=-Xmx512m, 192 MB with the service unit's options"
# a heap too small: one line that names the variable the package reads (the launcher says it is the package's)
oom="$(env -i HOME="$scratch" LANG=C.UTF-8 PATH="$nojava" JAVA_TOOL_OPTIONS=-Xmx6m "$root/usr/bin/ngxtime" report "$sample" \
  --json 2>&1 >/dev/null | grep -v '^Picked up JAVA_TOOL_OPTIONS' || true)"
[ "$(wc -l <<<"$oom")" = 1 ] && grep -q '^ngxtime: out of memory: .* give it more with JAVA_TOOL_OPTIONS=-Xmx1g$' <<<"$oom" \
  || fail "out of memory with JAVA_TOOL_OPTIONS=-Xmx6m said: $oom"
ok "out of memory: one line naming JAVA_TOOL_OPTIONS"

# charts (AWT, headless, fonts) and the Prometheus exporter (jdk.httpserver)
run week "$sample" --out "$scratch/week.png" >/dev/null 2>"$scratch/err" || fail "week exited $?: $(cat "$scratch/err")"
[ "$(head -c 8 "$scratch/week.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "week wrote no PNG"
ok "week draws a PNG"
run tail --metrics 127.0.0.1:0 --from-start --duration 6 --interval 1 --json "$sample" >/dev/null 2>"$scratch/metrics.err" &
tail_pid=$!
port=""
for _ in $(seq 1 50); do
  port="$(grep -o 'serving metrics at http://127.0.0.1:[0-9]*' "$scratch/metrics.err" 2>/dev/null | grep -o '[0-9]*$' || true)"
  [ -n "$port" ] && break
  sleep 0.2
done
[ -n "$port" ] || { wait "$tail_pid" || true; fail "tail --metrics served nothing: $(cat "$scratch/metrics.err")"; }
metrics="$(curl -sf "http://127.0.0.1:$port/metrics" || true)"
wait "$tail_pid" || fail "tail --metrics exited $?: $(cat "$scratch/metrics.err")"
grep -q '^ngxtime_rejected_lines_total ' <<<"$metrics" || fail "no ngxtime_rejected_lines_total on /metrics: $metrics"
ok "tail --metrics serves /metrics"

# the CDS archive is used where the package installs it (/opt/ngxtime): a private mount namespace puts the
# unpacked tree there, as build-deb.sh does to dump it
if unshare --user --map-root-user --mount bash -euc "mount -t tmpfs tmpfs /opt && mkdir /opt/ngxtime \
    && mount --bind $(printf %q "$root/opt/ngxtime") /opt/ngxtime \
    && env -i PATH=$(printf %q "$nojava") JAVA_TOOL_OPTIONS=-Xlog:class+load=info /opt/ngxtime/bin/ngxtime --version" \
    >"$scratch/cds.log" 2>&1; then
  grep -q 'io.ngxtime.cli.Main source: shared objects file' "$scratch/cds.log" \
    || fail "the CDS archive is not used: $(grep -m1 'io.ngxtime.cli.Main ' "$scratch/cds.log")"
  ok "the CDS archive is used (io.ngxtime.cli.Main from the shared archive)"
else
  fail "could not run the package at /opt/ngxtime in a private mount namespace: $(tail -3 "$scratch/cds.log")"
fi

echo "$passed passed, $failed failed"

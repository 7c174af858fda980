#!/usr/bin/env bash
# Writes N lines (default 1,000,000) in the `timing` preset to standard output, each with its own path, client
# address, referrer and user agent (upstream addresses: 65,536 distinct), spread over one day (2026-12-05,
# UTC): the high-cardinality input of benchmarks/run-cardinality.sh and benchmarks/compare.sh --cardinality.
# The same N gives the same bytes.
#
#   benchmarks/distinct-lines.sh [N] > FILE
set -euo pipefail
awk -v n="${1:-1000000}" 'BEGIN {
  base = 1796428800  # 2026-12-05T00:00:00Z, one day of traffic
  for (i = 0; i < n; i++) {
    t = base + int(i * 86400 / n); s = t - base
    printf "%d.%d.%d.%d - - [05/Dec/2026:%02d:%02d:%02d +0000] \"GET /p%x/%x?x=%d HTTP/1.1\" 200 512 \"https://r%d.example/\" \"agent-%d\" rt=0.012 ua=\"10.0.%d.%d:8080\" us=\"200\" uct=\"0.001\" uht=\"0.010\" urt=\"0.011\" ucs=- msec=%d.%03d\n", \
      1 + int(i / 16777216) % 223, int(i / 65536) % 256, int(i / 256) % 256, i % 256, \
      int(s / 3600), int(s / 60) % 60, s % 60, i, (i * 7919) % 2147483647, i, i, i, \
      int(i / 256) % 256, i % 256, t, i % 1000
  }
}'

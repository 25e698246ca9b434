#!/usr/bin/env bash
# The web API's memory and throughput with the small-host profile beside the default, in one run
# (see ../BENCHMARK.md, "A small host"): run.sh once per profile, one after the other on the same
# data and machine, JSON target only, no pgbench; then a table of requests/s, latency and RSS.
#   default: the image's own setting as the JVM sees a 1 GB host: -XX:MaxRAM=1g -XX:MaxRAMPercentage=75
#            (heap up to 768 MB, G1), DATABASE_POOL_SIZE 4, WEB_MAX_THREADS 8
#   small:   SMALL_JAVA_OPTS (below), DATABASE_POOL_SIZE=2, WEB_MAX_THREADS=8 (the minimum)
# Variables: DURATION (90), WARMUP (30), CONNECTIONS (64), SMALL_JAVA_OPTS, DEFAULT_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
DEFAULT_JAVA_OPTS="${DEFAULT_JAVA_OPTS:--XX:MaxRAM=1g -XX:MaxRAMPercentage=75}"
SMALL_JAVA_OPTS="${SMALL_JAVA_OPTS:--Xmx96m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m}"
export DURATION="${DURATION:-90}" WARMUP="${WARMUP:-30}" CONNECTIONS="${CONNECTIONS:-64}" TARGETS=json PGBENCH_CLIENTS=""
OUT=web-api/target/bench
mkdir -p "$OUT"
echo "small-host: load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
JAVA_OPTS="$DEFAULT_JAVA_OPTS" web-api/bench/run.sh > "$OUT/small-host-default.txt"
JAVA_OPTS="$SMALL_JAVA_OPTS" DATABASE_POOL_SIZE=2 WEB_MAX_THREADS=8 web-api/bench/run.sh > "$OUT/small-host-small.txt"
echo "small-host: load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for profile in default small; do
  opts=$DEFAULT_JAVA_OPTS; [ "$profile" = small ] && opts="$SMALL_JAVA_OPTS (pool 2, 8 threads)"
  echo "== $profile: $opts"
  grep -E '^json:|^   ' "$OUT/small-host-$profile.txt"
done

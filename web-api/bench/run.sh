#!/usr/bin/env bash
# Load benchmark of GET /user-recommendations/{username}?date=... and of the day page
# GET /u/{username}/{date} (see ../BENCHMARK.md).
#   1. builds the jar if missing, installs wrk if missing (Debian package);
#   2. creates database spotify_insight_bench, migrates it with the jar, loads dataset.sql
#      (1,000 users x 30 dates x 20 tracks);
#   3. starts the server; for each target in TARGETS ("json page": the list's JSON, the day page) warms
#      it up with the same random requests, then runs wrk (64 connections, random user and date) for
#      DURATION seconds, sampling the server's RSS, the load average and the cache counters at the start
#      and end of the measured run;
#   4. runs pgbench with the endpoint's own read query (printed by the jar) on the same data, once per
#      client count in PGBENCH_CLIENTS; the best is the ceiling the server is compared with;
#   5. prints a summary.
# Variables: PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres), DURATION (120), WARMUP (30),
# CONNECTIONS (64), PORT (8099), PGBENCH_CLIENTS ("4 10"; "" skips pgbench), TARGETS ("json page"), JAVA_OPTS, JAR (the jar to measure),
# plus any web-api variable (WEB_CACHE_ENTRIES=0 measures without the past-date cache).
set -euo pipefail
cd "$(dirname "$0")/../.."

PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB=spotify_insight_bench
DURATION="${DURATION:-120}" WARMUP="${WARMUP:-30}" CONNECTIONS="${CONNECTIONS:-64}" PORT="${PORT:-8099}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS-4 10}"
TARGETS="${TARGETS:-json page}"
JAR="${JAR:-web-api/target/web-api.jar}"
JAVA_OPTS="${JAVA_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}"
OUT=web-api/target/bench
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v pgbench >/dev/null || { echo "bench: pgbench not found (Debian: postgresql-contrib or postgresql)" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q -pl persistence,web-api -am -DskipTests package

FIRST_DATE=$(date -u -d "30 days ago" +%F)
export FIRST_DATE

psql -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" postgres

# shellcheck disable=SC2086
DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER="$PGUSER" PORT="$PORT" HOST=127.0.0.1 \
  java $JAVA_OPTS -jar "$JAR" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "bench: server did not start, see $OUT/server.log" >&2; exit 1; }

echo "bench: loading the dataset (first date $FIRST_DATE)" >&2
psql -q -v first_date="$FIRST_DATE" -d "$DB" -f web-api/bench/dataset.sql

rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; }
# the server's peak RSS so far (kB)
hwm() { awk '/VmHWM/ {print $2}' "/proc/$SERVER/status"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time in clock ticks: of the server (user + system, all threads), and of the whole machine (busy)
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
# the server's past-date cache counter for result=hit or miss (0 when the cache is off)
cache() { curl -s "http://127.0.0.1:$PORT/metrics" | awk -v r="$1" '$1 == "cache_gets_total{cache=\"web.days\",result=\""r"\"}" {printf "%d", $2; f=1} END {if (!f) print 0}'; }

# The warm-up sends the same random requests as the measured run: JIT and the pool reach their steady
# state, and the past-date caches (unless WEB_CACHE_ENTRIES=0) hold what random traffic leaves in them,
# not every list (30,000 lists do not fit the default cache; the hit rate is printed).
# Each target in TARGETS (json: the API's list; page: the day's HTML page) gets its own warm-up and
# measured run, one after the other on the same server and data.
page_cache() { curl -s "http://127.0.0.1:$PORT/metrics" | awk -v r="$1" '$1 == "cache_gets_total{cache=\"web.pages\",result=\""r"\"}" {printf "%d", $2; f=1} END {if (!f) print 0}'; }
declare -A RESULTS CACHE_LINES CPU_LINES
for target in $TARGETS; do
  export BENCH_TARGET=$target
  echo "bench: $target, warm-up ${WARMUP}s" >&2
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s web-api/bench/random.lua "http://127.0.0.1:$PORT" > "$OUT/warmup-$target.txt"
  RSS_START=$(rss) LOAD_START=$(loadavg) HITS_START=$(cache hit) MISSES_START=$(cache miss)
  PHITS_START=$(page_cache hit) PMISSES_START=$(page_cache miss)
  CPU_START=$(server_ticks) BUSY_START=$(machine_ticks)
  echo "bench: $target, measured run ${DURATION}s, $CONNECTIONS connections" >&2
  # RSS sampled every second while the connections are open; the largest sample is reported
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s web-api/bench/random.lua "http://127.0.0.1:$PORT" > "$OUT/wrk-$target.txt" &
  WRK=$!
  RSS_MAX=0
  while kill -0 "$WRK" 2>/dev/null; do
    r=$(rss); [ "$r" -gt "$RSS_MAX" ] && RSS_MAX=$r
    sleep 1
  done
  wait "$WRK"
  CPU=$(( $(server_ticks) - CPU_START )) BUSY=$(( $(machine_ticks) - BUSY_START ))
  RSS_END=$(rss) LOAD_END=$(loadavg) HITS=$(( $(cache hit) - HITS_START )) MISSES=$(( $(cache miss) - MISSES_START ))
  PHITS=$(( $(page_cache hit) - PHITS_START )) PMISSES=$(( $(page_cache miss) - PMISSES_START ))
  RESULTS[$target]=$(grep '^RESULT' "$OUT/wrk-$target.txt")
  CACHE_LINES[$target]="list cache $HITS hits / $MISSES misses, page cache $PHITS hits / $PMISSES misses"
  REQUESTS=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"${RESULTS[$target]}")
  CPU_LINES[$target]="server CPU $(awk -v c="$CPU" -v hz="$(getconf CLK_TCK)" -v n="$REQUESTS" -v d="$DURATION" \
    'BEGIN {printf "%.3f ms per request (%.2f cores)", c * 1000 / hz / n, c / hz / d}'), machine busy $(awk -v b="$BUSY" \
    -v hz="$(getconf CLK_TCK)" -v d="$DURATION" 'BEGIN {printf "%.2f", b / hz / d}') of $(nproc) cores; RSS ${RSS_START} -> ${RSS_END} kB, at most ${RSS_MAX} kB under load, peak since start (VmHWM) $(hwm) kB; load ${LOAD_START} -> ${LOAD_END}"
done
curl -s "http://127.0.0.1:$PORT/metrics" > "$OUT/metrics.txt"

# pgbench with the endpoint's own query: jOOQ's rendering, placeholders turned into pgbench variables
{
  echo '\set u random(1, 1000)'
  echo '\set d random(0, 29)'
  java -jar "$JAR" --print-read-query \
    | sed -e "s/:date/(date '$FIRST_DATE' + :d::int)/" -e "s/:username/('bench_user_' || :u::int)/"
} > "$OUT/read-query.pgbench"
TPS=0
: > "$OUT/pgbench.txt"
for clients in $PGBENCH_CLIENTS; do
  echo "bench: pgbench, $clients clients, 30s" >&2
  pgbench -n -M prepared -c "$clients" -j 2 -T 30 -f "$OUT/read-query.pgbench" "$DB" > "$OUT/pgbench-$clients.txt" 2>&1
  tps=$(awk '/^tps/ {printf "%d", $3}' "$OUT/pgbench-$clients.txt")
  echo "pgbench: $tps tps with $clients clients (the endpoint's read query)" >> "$OUT/pgbench.txt"
  if [ "$tps" -gt "$TPS" ]; then TPS=$tps; fi
done

echo
echo "== summary ($(nproc) cores, $CONNECTIONS connections, ${DURATION}s per target, random user and date)"
for target in $TARGETS; do
  echo "$target: ${RESULTS[$target]}"
  echo "   ${CACHE_LINES[$target]} (WEB_CACHE_ENTRIES=${WEB_CACHE_ENTRIES:-default})"
  echo "   ${CPU_LINES[$target]}"
done
cat "$OUT/pgbench.txt"
rps() { sed -E 's/.* rps=([0-9]+).*/\1/' <<<"${RESULTS[$1]}"; }
if [ "$TPS" -gt 0 ]; then
  for target in $TARGETS; do
    echo "$target / best pgbench: $(awk -v a="$(rps "$target")" -v b="$TPS" 'BEGIN {printf "%.2f", a / b}')"
  done
fi
if [ -n "${RESULTS[json]:-}" ] && [ -n "${RESULTS[page]:-}" ]; then
  echo "page / json requests/s: $(awk -v a="$(rps page)" -v b="$(rps json)" 'BEGIN {printf "%.2f", a / b}')"
fi
echo "load average after pgbench: $(loadavg)"

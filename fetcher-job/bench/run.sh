#!/usr/bin/env bash
# Fetcher benchmark: 1,000 users (3 seeds each, limit 20) against the fake Spotify run as a process
# with 50 ms latency per request and a server-side limit of 50 requests/s, the fetcher limited to
# 50 requests/s on its side; then storing 100,000 recommendation rows through storeDay.
#
#   fetcher-job/bench/run.sh                    # both fake modes, then the storage benchmark
#   MODES=extended fetcher-job/bench/run.sh     # one mode
# Variables: USERS (1000), MODES ("extended development"), CONCURRENCY (8), PORT (8097),
# BENCH_ADMIN_URL (jdbc:postgresql://127.0.0.1:5432/postgres), DATABASE_USER (postgres), DATABASE_PASSWORD,
# CLIENT_RPS (50: SPOTIFY_REQUESTS_PER_SECOND of the fetcher), DRY_RUN (unset; "1" adds --dry-run: fetch only),
# STORE_USERS (5000; 0 skips the storage benchmark), STORE_TRACKS (20), STORE_THREADS (4).
# Creates (and drops first) the databases spotify_insight_bench_fetch and spotify_insight_bench_store.
set -euo pipefail
cd "$(dirname "$0")/../.."

USERS=${USERS:-1000}
MODES=${MODES:-extended development}
CONCURRENCY=${CONCURRENCY:-8}
PORT=${PORT:-8097}
ADMIN_URL=${BENCH_ADMIN_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}
DB_NAME=spotify_insight_bench_fetch
DB_URL="${ADMIN_URL%/*}/$DB_NAME"
export DATABASE_USER=${DATABASE_USER:-postgres} DATABASE_PASSWORD=${DATABASE_PASSWORD:-}
OUT=${BENCH_OUT:-fetcher-job/target/bench}
mkdir -p "$OUT"

echo "== building the jar and the classpaths"
./mvnw -B -q -pl spotify-client,persistence,fetcher-job -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
FAKE_CP="spotify-client/target/test-classes:spotify-client/target/classes:$(cat spotify-client/target/bench-classpath.txt)"
BENCH_CP="fetcher-job/target/test-classes:fetcher-job/target/classes:$(cat fetcher-job/target/bench-classpath.txt)"

fake_pid=""
stop_fake() { if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fake_pid=""; fi; }
trap stop_fake EXIT

for mode in $MODES; do
  echo
  echo "== mode $mode: $USERS users, fake Spotify with 50 ms latency and 50 requests/s"
  java -cp "$FAKE_CP" io.spotifyinsight.spotify.fake.FakeSpotifyMain --port "$PORT" --mode "$mode" \
    --latency-ms 50 --rate-limit 50 > "$OUT/fake-$mode.log" 2>&1 &
  fake_pid=$!
  for _ in $(seq 1 100); do grep -q "export SPOTIFY_CLIENT_SECRET" "$OUT/fake-$mode.log" && break; sleep 0.2; done
  eval "$(grep '^  export SPOTIFY_' "$OUT/fake-$mode.log")"
  java -cp "$BENCH_CP" io.spotifyinsight.fetcher.bench.FetchBenchmark setup "$ADMIN_URL" "$DB_NAME" "$USERS"

  start=$(date +%s.%N)
  set +e
  DATABASE_URL="$DB_URL" SPOTIFY_REQUESTS_PER_SECOND="${CLIENT_RPS:-50}" FETCHER_CONCURRENCY="$CONCURRENCY" \
    java -jar fetcher-job/target/fetcher-job.jar run --date 2025-01-01 ${DRY_RUN:+--dry-run} \
    > "$OUT/run-$mode.out" 2> "$OUT/run-$mode.log"
  code=$?
  set -e
  end=$(date +%s.%N)
  stop_fake
  grep -v '^ \|^bench-' "$OUT/run-$mode.out"
  requests=$(sed -n 's/^spotify: \([0-9]*\) requests.*/\1/p' "$OUT/run-$mode.out")
  printf 'exit code %s; process wall time %.1f s; floor at %s requests/s: %.1f s (%s requests / %s)\n' \
    "$code" "$(echo "$end - $start" | bc)" "${CLIENT_RPS:-50}" "$(echo "$requests / ${CLIENT_RPS:-50}" | bc -l)" \
    "$requests" "${CLIENT_RPS:-50}"
  java -cp "$BENCH_CP" io.spotifyinsight.fetcher.bench.FetchBenchmark count "$DB_URL"
done

[ "${STORE_USERS:-5000}" = 0 ] && exit 0
echo
echo "== storing ${STORE_USERS:-5000} x ${STORE_TRACKS:-20} recommendation rows through RecommendationRepository.storeDay"
for threads in 1 ${STORE_THREADS:-4}; do
  java -cp "$BENCH_CP" io.spotifyinsight.fetcher.bench.FetchBenchmark store "$ADMIN_URL" spotify_insight_bench_store \
    "${STORE_USERS:-5000}" "${STORE_TRACKS:-20}" "$threads"
done

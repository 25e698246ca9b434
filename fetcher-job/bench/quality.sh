#!/usr/bin/env bash
# Recommendation-quality benchmark (a documented command, not a test): in one JVM the fake Spotify
# (development mode, artist genres empty) and the fakes of ReccoBeats, Last.fm and MusicBrainz over one
# generated catalogue (FakeCatalog.generate(20260301, 3000)); a dozen aliases of varied seeds; the real
# fetcher jar run as a process with FETCHER_STRATEGY=blend for three consecutive nights, once keyless
# (FETCHER_SOURCES=reccobeats,musicbrainz) and once with a Last.fm key (all three); every stored list
# scored against the catalogue's ground-truth genres and printed beside the targets (PASS/FAIL).
#
#   fetcher-job/bench/quality.sh
#   QUALITY_CONFIGS=keyless LOG_LEVEL=DEBUG fetcher-job/bench/quality.sh   # one configuration, debug logs
# Variables: QUALITY_CONFIGS ("keyless lastfm"), QUALITY_ARTISTS (3000), QUALITY_CATALOG_SEED (20260301),
# QUALITY_NIGHTS (3), QUALITY_FIRST_DATE (2026-03-01), LOG_LEVEL (passed to the fetcher),
# BENCH_ADMIN_URL (jdbc:postgresql://127.0.0.1:5432/postgres), DATABASE_USER (postgres), DATABASE_PASSWORD,
# M2_REPO (~/.m2/repository), SKIP_BUILD (unset; "1" reuses the built jars).
# Creates (and drops first) the databases spotify_insight_quality_keyless and spotify_insight_quality_lastfm.
# The fetcher's output and logs per night go to fetcher-job/target/quality/.
set -euo pipefail
cd "$(dirname "$0")/../.."

ADMIN_URL=${BENCH_ADMIN_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}
export DATABASE_USER=${DATABASE_USER:-postgres} DATABASE_PASSWORD=${DATABASE_PASSWORD:-}
OUT=${BENCH_OUT:-fetcher-job/target/quality}

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== building the jars (offline; spotify-client's test classes hold the fakes)"
  ./mvnw -o -B -q -pl fetcher-job -am package -DskipTests
fi
mkdir -p "$OUT"
# The dependency and exec plugins are not in the offline repository, so the classpath is put together
# here: the test classes (this benchmark, the fakes), the shaded fetcher jar (every runtime dependency,
# not relocated) and MockWebServer, which the fakes are built on.
OKHTTP_VERSION=$(sed -n 's:.*<okhttp.version>\(.*\)</okhttp.version>.*:\1:p' pom.xml)
M2_REPO=${M2_REPO:-$HOME/.m2/repository}
MOCKWEBSERVER="$M2_REPO/com/squareup/okhttp3/mockwebserver3/$OKHTTP_VERSION/mockwebserver3-$OKHTTP_VERSION.jar"
[ -f "$MOCKWEBSERVER" ] || { echo "not found: $MOCKWEBSERVER (set M2_REPO)" >&2; exit 1; }
BENCH_CP="fetcher-job/target/test-classes:spotify-client/target/test-classes:fetcher-job/target/fetcher-job.jar:$MOCKWEBSERVER"

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
java -cp "$BENCH_CP" io.spotifyinsight.fetcher.bench.QualityBenchmark "$ADMIN_URL" fetcher-job/target/fetcher-job.jar "$OUT"

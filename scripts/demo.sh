#!/usr/bin/env bash
# The whole pipeline against the fakes of Spotify, ReccoBeats, Last.fm and MusicBrainz, without a
# Spotify app or a Last.fm key:
#   ./scripts/demo.sh [development|extended]     (default: development, like every new Spotify app)
# Starts the fakes (FakeSourcesMain: one catalogue; in development mode Spotify's artist genres are
# empty, as reported for 2026 apps), creates the database spotify_insight_demo, adds the alias "demo"
# with an artist, a genre and a track seed, runs the fetcher with FETCHER_STRATEGY=auto (a dry run that
# prints each track's source and reason, then the stored run), starts the web API on DEMO_PORT
# (default 8000) and prints the stored list. On a terminal the API keeps running until Ctrl-C;
# otherwise the demo ends there. Everything started here is stopped on exit.
# Needs: a JDK 17+, PostgreSQL reachable as in DATABASE_USER/DATABASE_PASSWORD (default: postgres on
# localhost:5432), psql, curl; jq or python3 is used for the list when installed.
# DEMO_MAVEN_ARGS adds Maven options to the build (e.g. -o for an offline build).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-development}
case "$mode" in
  development|extended) ;;
  *) echo "usage: $0 [development|extended]" >&2; exit 2 ;;
esac
port=${DEMO_PORT:-8000}
fake_port=${DEMO_FAKE_PORT:-8090}   # Spotify; ReccoBeats, Last.fm and MusicBrainz on the next three
db=spotify_insight_demo
pg_host=${PGHOST:-localhost}
pg_port=${PGPORT:-5432}
export DATABASE_URL="jdbc:postgresql://$pg_host:$pg_port/$db"
export DATABASE_USER=${DATABASE_USER:-postgres}
export PGPASSWORD=${DATABASE_PASSWORD:-}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "demo: building (./mvnw -B -q -DskipTests package ${DEMO_MAVEN_ARGS:-}; the fakes are spotify-client's test classes)"
# shellcheck disable=SC2086 # DEMO_MAVEN_ARGS is a list of options
./mvnw -B -q -DskipTests ${DEMO_MAVEN_ARGS:-} package

# The fakes run on the fetcher jar's classpath (it holds spotify-client, OkHttp and Jackson) plus the
# test classes and MockWebServer from the local Maven repository, so no Maven plugin is needed.
okhttp_version=$(sed -n 's:.*<okhttp.version>\(.*\)</okhttp.version>.*:\1:p' pom.xml)
mockwebserver=${MAVEN_REPO:-$HOME/.m2/repository}/com/squareup/okhttp3/mockwebserver3/$okhttp_version/mockwebserver3-$okhttp_version.jar
[ -f "$mockwebserver" ] || { echo "demo: $mockwebserver is missing (run ./mvnw -B verify once)" >&2; exit 1; }
fake_cp="spotify-client/target/test-classes:$mockwebserver:fetcher-job/target/fetcher-job.jar"

echo "demo: starting the fakes ($mode mode, empty artist genres) on 127.0.0.1:$fake_port-$((fake_port + 3))"
genres_flag=()
[ "$mode" = development ] && genres_flag=(--empty-genres)
java -cp "$fake_cp" io.spotifyinsight.sources.fake.FakeSourcesMain --mode "$mode" "${genres_flag[@]}" \
  --spotify-port "$fake_port" --reccobeats-port $((fake_port + 1)) --lastfm-port $((fake_port + 2)) \
  --musicbrainz-port $((fake_port + 3)) >"$work/fake.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  grep -q 'export MUSICBRAINZ_API_URL' "$work/fake.log" 2>/dev/null && break
  kill -0 "${pids[-1]}" 2>/dev/null || break
  sleep 0.5
done
grep -q 'export MUSICBRAINZ_API_URL' "$work/fake.log" || { cat "$work/fake.log"; echo "demo: the fakes did not start" >&2; exit 1; }
# The fakes print an `export NAME='value'` line per variable: Spotify's URLs and test credentials,
# RECCOBEATS_API_URL, LASTFM_API_URL, LASTFM_API_KEY (the fake's own key) and MUSICBRAINZ_API_URL.
eval "$(sed -n "s/^ *export \([A-Z_]*\)='\([^']*\)'\$/export \1='\2'/p" "$work/fake.log")"
sed -n 1p "$work/fake.log"
export FETCHER_STRATEGY=auto
export MUSICBRAINZ_CONTACT=demo@example.org

# Seeds from the standard FakeCatalog (deterministic, so these ids never change): Hana Moreau, a jazz
# artist Last.fm knows (with similar artists), and a jazz track by Aretha Reyes.
artist_seed=5hyb2lOdS3sLIXdI4mSq1f
track_seed=0LaGWVQeljipcf6022Zkpj

if ! psql -h "$pg_host" -p "$pg_port" -U "$DATABASE_USER" -d "$db" -Atqc 'select 1' >/dev/null 2>&1; then
  echo "demo: creating database $db"
  createdb -h "$pg_host" -p "$pg_port" -U "$DATABASE_USER" -E UTF8 "$db"
fi

fetcher() { echo "+ fetcher-job.jar $*"; java -jar fetcher-job/target/fetcher-job.jar "$@"; }
fetcher migrate
for alias in demo demo-track; do fetcher users remove "$alias" >/dev/null 2>&1 || true; done
fetcher users add demo --artist "$artist_seed" --genre trip-hop --track "$track_seed" --limit 10 --market SE
fetcher users add demo-track --track "$track_seed" --limit 10
echo "+ FETCHER_STRATEGY=$FETCHER_STRATEGY FETCHER_SOURCES=${FETCHER_SOURCES:-(default: reccobeats,lastfm,musicbrainz)}"
fetcher run --user demo --user demo-track --dry-run
fetcher run --user demo --user demo-track
fetcher runs --limit 2
echo "+ psql: the run row's requests per service and unavailable sources"
psql -h "$pg_host" -p "$pg_port" -U "$DATABASE_USER" -d "$db" -c "select id, strategy, spotify_requests, \
reccobeats_requests, lastfm_requests, musicbrainz_requests, unavailable_sources from fetch_run order by id desc limit 1"

echo "demo: starting the web API on 127.0.0.1:$port"
HOST=127.0.0.1 PORT=$port java -jar web-api/target/web-api.jar >"$work/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
url="http://127.0.0.1:$port/user-recommendations/demo"
curl -fs "$url" >"$work/list.json" || { cat "$work/web.log"; echo "demo: the API did not answer" >&2; exit 1; }
if command -v jq >/dev/null 2>&1; then
  echo "+ curl -s $url | jq '{strategy, missing_sources, tracks: [.tracks[] | {track_title, source, reason, album: .album.name}]}'"
  jq '{strategy, missing_sources, tracks: [.tracks[] | {track_title, source, reason, album: .album.name}]}' "$work/list.json"
else
  echo "+ curl -s $url | python3 -m json.tool"
  python3 -m json.tool "$work/list.json"
fi
echo "demo: open http://127.0.0.1:$port/ in a browser for the lists as pages; try  curl '$url?format=csv'  or  http://127.0.0.1:$port/docs"
if [ -t 0 ]; then
  echo "demo: Ctrl-C stops the API and the fakes"
  wait "${pids[-1]}"
fi

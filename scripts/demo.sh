#!/usr/bin/env bash
# The whole pipeline against the fake Spotify, without a Spotify app:
#   ./scripts/demo.sh [extended|development]     (default: development, like every new Spotify app)
# Starts the fake Spotify, creates the database spotify_insight_demo, adds the alias "demo", runs the
# fetcher, starts the web API on DEMO_PORT (default 8000) and prints the stored list. The API keeps
# running until Ctrl-C; everything started here is stopped on exit.
# Needs: a JDK 17+, PostgreSQL reachable as in DATABASE_USER/DATABASE_PASSWORD (default: postgres on
# localhost:5432), curl.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-development}
port=${DEMO_PORT:-8000}
fake_port=${DEMO_FAKE_PORT:-8090}
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
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "demo: building (./mvnw -B -q -DskipTests package, plus the fake's test classes)"
./mvnw -B -q -DskipTests package
./mvnw -B -q -pl spotify-client test-compile

echo "demo: starting the fake Spotify ($mode mode) on 127.0.0.1:$fake_port"
./mvnw -B -q -pl spotify-client exec:java -Dexec.args="--port $fake_port --mode $mode" >"$work/fake.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q 'export SPOTIFY_CLIENT_SECRET' "$work/fake.log" 2>/dev/null && break
  sleep 0.5
done
grep -q 'export SPOTIFY_CLIENT_SECRET' "$work/fake.log" || { cat "$work/fake.log"; echo "demo: the fake did not start" >&2; exit 1; }
# The fake prints the export lines for its URLs and its test app's credentials.
eval "$(sed -n 's/^ *export \(SPOTIFY_\)/export \1/p' "$work/fake.log")"

if ! psql -h "$pg_host" -p "$pg_port" -U "$DATABASE_USER" -d "$db" -Atqc 'select 1' >/dev/null 2>&1; then
  echo "demo: creating database $db"
  createdb -h "$pg_host" -p "$pg_port" -U "$DATABASE_USER" -E UTF8 "$db"
fi

fetcher() { echo "+ fetcher-job.jar $*"; java -jar fetcher-job/target/fetcher-job.jar "$@"; }
fetcher migrate
fetcher users remove demo >/dev/null 2>&1 || true
fetcher users add demo --genre jazz --genre k-pop --limit 10 --market SE
fetcher run --user demo
fetcher runs --limit 3

echo "demo: starting the web API on 127.0.0.1:$port"
HOST=127.0.0.1 PORT=$port java -jar web-api/target/web-api.jar >"$work/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "+ curl http://127.0.0.1:$port/user-recommendations/demo"
curl -s "http://127.0.0.1:$port/user-recommendations/demo"
echo
echo "demo: try  curl 'http://127.0.0.1:$port/user-recommendations/demo?format=csv'  or open http://127.0.0.1:$port/docs"
echo "demo: Ctrl-C stops the API and the fake Spotify"
wait "${pids[-1]}"

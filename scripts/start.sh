#!/usr/bin/env bash
# One command to build and start Spotify Insight on a machine with a JDK 17+ and PostgreSQL:
#   ./scripts/start.sh
# Builds both jars (tests skipped: run ./mvnw -B verify for those), creates the database named in
# DATABASE_URL if it is missing and psql can reach the server, applies the migrations, and runs the
# web API in the foreground on HOST:PORT (default 0.0.0.0:8000). Ctrl-C stops it.
# Set the variables of README.md ("Configuration") in the environment first, or in ./.env.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f .env ]; then
  set -a; . ./.env; set +a
fi
: "${DATABASE_URL:=jdbc:postgresql://localhost:5432/spotify_insight}"
: "${DATABASE_USER:=postgres}"
export DATABASE_URL DATABASE_USER

echo "start: building the jars (./mvnw -B -q -DskipTests package)"
./mvnw -B -q -DskipTests package

# jdbc:postgresql://host:port/dbname?params -> host, port, dbname
hostport_db=${DATABASE_URL#jdbc:postgresql://}
hostport=${hostport_db%%/*}
db=${hostport_db#*/}; db=${db%%\?*}
host=${hostport%%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=5432
if command -v psql >/dev/null 2>&1; then
  export PGPASSWORD="${DATABASE_PASSWORD:-}"
  if ! psql -h "$host" -p "$port" -U "$DATABASE_USER" -d "$db" -Atqc 'select 1' >/dev/null 2>&1; then
    echo "start: creating database $db on $host:$port"
    createdb -h "$host" -p "$port" -U "$DATABASE_USER" -E UTF8 "$db" || {
      echo "start: could not create database $db; create it yourself or fix DATABASE_URL/DATABASE_USER/DATABASE_PASSWORD" >&2
      exit 2
    }
  fi
fi

echo "start: applying migrations"
java -jar fetcher-job/target/fetcher-job.jar migrate
echo "start: web API on ${HOST:-0.0.0.0}:${PORT:-8000} (GET /health, /docs); add users and fetch with fetcher-job.jar (README)"
exec java -jar web-api/target/web-api.jar

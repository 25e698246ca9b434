#!/bin/sh
# Entry point of the stand-in PostgreSQL image (see postgres.Dockerfile): on the first start, an empty
# PGDATA gets a cluster whose superuser is POSTGRES_USER with POSTGRES_PASSWORD, and the database
# POSTGRES_DB; then the server runs in the foreground, listening on every address, password
# (scram-sha-256) logins from anywhere, trust on the container's own socket, as the official image.
set -eu

# "docker run IMAGE -c fsync=off" means "postgres -c fsync=off", as in the official image.
if [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi

if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "docker-entrypoint: POSTGRES_PASSWORD is not set; the database needs a superuser password" >&2
    exit 1
  fi
  user=${POSTGRES_USER:-postgres}
  db=${POSTGRES_DB:-$user}
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options, as in the official image
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    ${POSTGRES_INITDB_ARGS:-} -D "$PGDATA"
  rm -f "$pwfile"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  # A temporary server on the socket only, to create the database (the official image does the same).
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$db" != postgres ]; then
    echo 'CREATE DATABASE :"db";' | psql -v ON_ERROR_STOP=1 -v db="$db" --username "$user" --dbname postgres -q
  fi
  # like the official image: scripts in /docker-entrypoint-initdb.d, in name order, on this first start
  export POSTGRES_USER="$user" POSTGRES_DB="$db"
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sh) echo "docker-entrypoint: running $script"; sh "$script" ;;
      *.sql) echo "docker-entrypoint: running $script"; psql -v ON_ERROR_STOP=1 -q --username "$user" --dbname "$db" -f "$script" ;;
      *) ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "docker-entrypoint: PostgreSQL init process complete; ready for start up."
fi

exec "$@"

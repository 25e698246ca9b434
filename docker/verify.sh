#!/usr/bin/env bash
# Builds the images and runs the compose stack for real, end to end:
#   1. a Docker engine: uses the running one, or (as root) installs Debian's docker.io if missing and
#      starts `dockerd --storage-driver=vfs` for the run (stopped again at the end);
#   2. base images: the Dockerfiles' defaults (eclipse-temurin:17-jre-alpine, postgres:15-alpine) when
#      they can be pulled; otherwise STAND-INS built here from Debian's packages (docker/standin/):
#      a debootstrap of Debian bookworm from this machine's apt mirror, imported as
#      spotify-insight-standin/debian:bookworm, then spotify-insight-standin/jre:17 (Debian's OpenJDK 17
#      JRE) and spotify-insight-standin/postgres:15 (Debian's PostgreSQL 15). They are kept in the
#      engine, so the next run skips them (VERIFY_REBUILD_STANDINS=1 builds them again);
#   3. the jars on the host (./mvnw package), then the images' runtime-prebuilt targets from them
#      (containers here cannot reach Maven Central, which the default target needs);
#   4. the compose stack (project spotify-insight-verify, in a temporary directory with its own .env and
#      a random database password): postgres, migrate, web; then in the fetcher container `migrate`,
#      `users add` and `run` against the fakes of Spotify, ReccoBeats, Last.fm and MusicBrainz running
#      on the host (FakeSourcesMain, as scripts/demo.sh starts them). The fetcher accepts plain http only
#      to loopback, so for this run the fetcher container uses the host's network and reaches PostgreSQL
#      on a port published on 127.0.0.1 (VERIFY_PG_PORT); the web API stays on the compose network;
#   5. reads the list through the web API's published port, checks that postgres and web report
#      healthy and that no process of the stack runs as root, and takes everything down.
# Prints PASS or FAIL per step, the total and the duration; exit code 0 only when everything passed.
# Variables: VERIFY_IMAGES (auto | default | standin; default auto), VERIFY_WEB_PORT (18000),
# VERIFY_PG_PORT (15432), VERIFY_MAVEN_ARGS (e.g. -o), VERIFY_SKIP_PACKAGE=1 (use the jars in target/),
# VERIFY_DEBIAN_MIRROR (default: the first Debian URI in /etc/apt/sources.list*),
# VERIFY_REBUILD_STANDINS=1, VERIFY_KEEP_ENGINE=1 (leave a dockerd started here running).
# Slow (minutes; the first run on a machine builds the stand-ins): run by hand and before a release,
# not in .ci/run (see README, Docker).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

started_at=$(date +%s)
images_mode=${VERIFY_IMAGES:-auto}
web_port=${VERIFY_WEB_PORT:-18000}
pg_port=${VERIFY_PG_PORT:-15432}
project=spotify-insight-verify
web_image=spotify-insight-web:verify
fetcher_image=spotify-insight-fetcher:verify
case "$images_mode" in auto|default|standin) ;; *) echo "verify: VERIFY_IMAGES must be auto, default or standin, was '$images_mode'" >&2; exit 2 ;; esac

work=$(mktemp -d)
chmod 700 "$work"
log="$work/step.log"
results=()
dockerd_pid=""
fake_pid=""
compose_up=false

say() { echo "verify: $*"; }

summary() {
  local status=$1
  echo
  echo "== docker/verify.sh summary"
  for line in "${results[@]}"; do echo "  $line"; done
  echo "  images: ${image_note:-not chosen}"
  echo "== $status in $(( $(date +%s) - started_at )) s"
}

cleanup() {
  local rc=$?
  set +e
  if $compose_up; then
    say "taking the stack down"
    if compose down -v --remove-orphans >"$work/down.log" 2>&1; then
      results+=("PASS  stack taken down (containers, network, volume)")
    else
      cat "$work/down.log"; results+=("FAIL  stack taken down"); rc=1
    fi
  fi
  if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null; fi
  if [ -n "$dockerd_pid" ] && [ "${VERIFY_KEEP_ENGINE:-}" != 1 ]; then
    say "stopping the dockerd started for this run (pid $dockerd_pid)"
    kill "$dockerd_pid" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
  fi
  rm -rf "$work"
  if [ "$rc" -eq 0 ]; then summary PASS; else summary FAIL; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# step NAME FUNCTION: runs FUNCTION in a subshell with errexit on (a failing command fails the step),
# its output in a log; on failure prints the log's tail and stops. What a step must hand to later
# steps it writes with keep NAME VALUE; the file is read back after every step.
keep() { printf '%s=%q\n' "$1" "$2" >>"$work/state"; }
: >"$work/state"
step() {
  local name=$1 rc t0; shift
  t0=$(date +%s)
  say "$name ..."
  set +e
  ( set -e; "$@" ) >"$log" 2>&1
  rc=$?
  set -e
  # shellcheck disable=SC1091
  . "$work/state"
  if [ "$rc" -eq 0 ]; then
    results+=("PASS  $name ($(( $(date +%s) - t0 )) s)")
    sed 's/^/    /' "$log" | tail -n "${VERIFY_SHOW_LINES:-6}"
  else
    results+=("FAIL  $name (exit $rc after $(( $(date +%s) - t0 )) s)")
    echo "---- last lines of the output of: $name" >&2
    tail -n 40 "$log" >&2
    echo "----" >&2
    exit 1
  fi
}

need_root() {
  [ "$(id -u)" -eq 0 ] || { echo "verify: $1 needs root; run as root or provide it yourself" >&2; return 1; }
}

# --- 1. the engine ---------------------------------------------------------------------------------
ensure_engine() {
  if docker info >/dev/null 2>&1; then echo "a Docker engine answers"; return 0; fi
  need_root "starting a Docker engine"
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "installing Debian's docker.io"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
  mkdir -p /var/log
  dockerd --storage-driver=vfs >>/var/log/dockerd-verify.log 2>&1 &
  dockerd_pid=$!
  keep dockerd_pid "$dockerd_pid"
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && { echo "started dockerd (pid $dockerd_pid, log /var/log/dockerd-verify.log)"; return 0; }
    kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 1
  done
  echo "dockerd did not come up; see /var/log/dockerd-verify.log" >&2
  tail -n 20 /var/log/dockerd-verify.log >&2
  return 1
}

# The compose tool: the compose plugin or docker-compose (Debian's package, installed if neither).
ensure_compose() {
  if docker compose version >/dev/null 2>&1; then keep compose_kind plugin; docker compose version; return 0; fi
  if ! command -v docker-compose >/dev/null 2>&1; then
    need_root "installing docker-compose"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  fi
  keep compose_kind standalone
  docker-compose version
}
compose_kind=""
compose() {
  local cmd=(docker-compose)
  [ "$compose_kind" = plugin ] && cmd=(docker compose)
  "${cmd[@]}" -p "$project" -f "$work/compose.yaml" -f "$work/verify.override.yaml" "$@"
}

# --- 2. base images --------------------------------------------------------------------------------
debian_mirror() {
  if [ -n "${VERIFY_DEBIAN_MIRROR:-}" ]; then echo "$VERIFY_DEBIAN_MIRROR"; return; fi
  # deb822 (URIs: ...) or one-line (deb URI suite ...) sources; the first Debian archive, not security
  local f files=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || return 0
  cat "${files[@]}" \
    | sed -nE 's/^URIs:[[:space:]]*([^[:space:]]+).*/\1/p; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' \
    | { grep -E '/debian/?$' || true; } | head -n 1
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

build_standins() {
  local rebuild=${VERIFY_REBUILD_STANDINS:-}
  if [ -n "$rebuild" ] || ! image_exists spotify-insight-standin/debian:bookworm; then
    need_root "debootstrap"
    command -v debootstrap >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    local mirror; mirror=$(debian_mirror)
    [ -n "$mirror" ] || { echo "no Debian mirror in /etc/apt/sources.list*; set VERIFY_DEBIAN_MIRROR" >&2; return 1; }
    echo "debootstrap --variant=minbase bookworm from $mirror"
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror"
    tar -C "$work/rootfs" -c . | docker import \
      -c 'LABEL org.opencontainers.image.description="Stand-in Debian bookworm (debootstrap), built locally by docker/verify.sh"' \
      - spotify-insight-standin/debian:bookworm
    rm -rf "$work/rootfs"
    rebuild=1
  else
    echo "cached: spotify-insight-standin/debian:bookworm"
  fi
  local name
  for name in jre:17 postgres:15; do
    if [ -n "$rebuild" ] || ! image_exists "spotify-insight-standin/$name"; then
      echo "building spotify-insight-standin/$name"
      docker build -q -f "docker/standin/${name%%:*}.Dockerfile" -t "spotify-insight-standin/$name" docker/standin
    else
      echo "cached: spotify-insight-standin/$name"
    fi
  done
}

choose_images() {
  local default_jre=eclipse-temurin:17-jre-alpine default_pg=postgres:15-alpine
  if [ "$images_mode" != standin ]; then
    if timeout 120 docker pull -q "$default_jre" && timeout 120 docker pull -q "$default_pg"; then
      keep jre_image "$default_jre"; keep pg_image "$default_pg"
      echo "pulled the default base images"
      return 0
    fi
    [ "$images_mode" = default ] && { echo "the default base images cannot be pulled (VERIFY_IMAGES=default)" >&2; return 1; }
    echo "the default base images cannot be pulled here; using local stand-ins"
  fi
  build_standins
  keep jre_image spotify-insight-standin/jre:17; keep pg_image spotify-insight-standin/postgres:15
}

# --- 3. jars and images ----------------------------------------------------------------------------
package_jars() {
  if [ "${VERIFY_SKIP_PACKAGE:-}" = 1 ]; then echo "VERIFY_SKIP_PACKAGE=1: using the jars in target/"; else
    # shellcheck disable=SC2086 # VERIFY_MAVEN_ARGS is a list of options
    ./mvnw -B -q package -DskipTests -pl fetcher-job,web-api -am ${VERIFY_MAVEN_ARGS:-}
  fi
  ls -l fetcher-job/target/fetcher-job.jar web-api/target/web-api.jar
}

build_images() {
  docker build -q -f docker/fetcher-job.Dockerfile --target runtime-prebuilt \
    --build-arg JRE_IMAGE="$jre_image" -t "$fetcher_image" .
  docker build -q -f docker/web-api.Dockerfile --target runtime-prebuilt \
    --build-arg JRE_IMAGE="$jre_image" -t "$web_image" .
}

# --- 4. the fakes and the stack --------------------------------------------------------------------
start_fakes() {
  local okhttp_version mockwebserver
  okhttp_version=$(sed -n 's:.*<okhttp.version>\(.*\)</okhttp.version>.*:\1:p' pom.xml)
  mockwebserver=${MAVEN_REPO:-$HOME/.m2/repository}/com/squareup/okhttp3/mockwebserver3/$okhttp_version/mockwebserver3-$okhttp_version.jar
  [ -f "$mockwebserver" ] || { echo "$mockwebserver is missing (run ./mvnw -B verify once)" >&2; return 1; }
  # Development mode with empty artist genres, like a new Spotify app: auto switches to the blend,
  # which calls all four fakes. Free ports on 127.0.0.1.
  java -cp "spotify-client/target/test-classes:$mockwebserver:fetcher-job/target/fetcher-job.jar" \
    io.spotifyinsight.sources.fake.FakeSourcesMain --mode development --empty-genres \
    --spotify-port 0 --reccobeats-port 0 --lastfm-port 0 --musicbrainz-port 0 >"$work/fake.log" 2>&1 &
  fake_pid=$!
  keep fake_pid "$fake_pid"
  for _ in $(seq 1 60); do
    grep -q 'export MUSICBRAINZ_API_URL' "$work/fake.log" && break
    kill -0 "$fake_pid" 2>/dev/null || break
    sleep 0.5
  done
  grep -q 'export MUSICBRAINZ_API_URL' "$work/fake.log" || { cat "$work/fake.log"; echo "the fakes did not start" >&2; return 1; }
  grep -o 'export [A-Z_]*_URL=[^ ]*' "$work/fake.log"
}

write_project() {
  cp docker/compose.yaml "$work/compose.yaml"
  cp -r docker/initdb "$work/initdb"
  # The stack's .env: a random database password, our images, the fakes' variables (the fake's own
  # test credentials and Last.fm key), all kept in this 0600 file only.
  umask 077
  {
    echo "COMPOSE_PROJECT_NAME=$project"
    echo "DATABASE_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    echo "WEB_DATABASE_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    echo "DATABASE_USER=spotify_insight"
    echo "POSTGRES_DB=spotify_insight"
    echo "POSTGRES_IMAGE=$pg_image"
    echo "WEB_IMAGE=$web_image"
    echo "FETCHER_IMAGE=$fetcher_image"
    echo "WEB_BIND=127.0.0.1"
    echo "WEB_PORT=$web_port"
    echo "FETCHER_STRATEGY=auto"
    echo "MUSICBRAINZ_CONTACT=verify@example.org"
    sed -n "s/^ *export \([A-Z_]*\)='\([^']*\)'\$/\1=\2/p" "$work/fake.log"
  } >"$work/.env"
  cat >"$work/verify.override.yaml" <<EOF
# Written by docker/verify.sh for its run only. The fetcher accepts plain http only to loopback and
# the fakes run on the host's loopback, so the fetcher uses the host's network for this run and
# reaches PostgreSQL on a port published on 127.0.0.1.
services:
  postgres:
    ports:
      - "127.0.0.1:$pg_port:5432"
  fetcher:
    network_mode: host
    environment:
      DATABASE_URL: jdbc:postgresql://127.0.0.1:$pg_port/spotify_insight
EOF
  compose config -q
  echo "project in $work (compose.yaml copied from docker/, .env and verify.override.yaml written)"
}

stack_up() {
  keep compose_up true
  compose up -d postgres migrate web
  wait_healthy "$(compose ps -q postgres)" postgres
  wait_healthy "$(compose ps -q web)" web
  compose ps
}

health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$1"; }

wait_healthy() {
  local id=$1 name=$2 status=""
  [ -n "$id" ] || { echo "$name has no container" >&2; return 1; }
  for _ in $(seq 1 90); do
    status=$(health "$id")
    [ "$status" = healthy ] && { echo "$name: healthy"; return 0; }
    sleep 2
  done
  echo "$name is '$status' after 180 s; its log:" >&2
  docker logs --tail 40 "$id" >&2
  return 1
}

fetcher() { compose run --rm fetcher "$@"; }

fetch_pipeline() {
  fetcher migrate
  # Seeds from the standard FakeCatalog (as in scripts/demo.sh): an artist, a genre and a track.
  fetcher users add verify --artist 5hyb2lOdS3sLIXdI4mSq1f --genre trip-hop --track 0LaGWVQeljipcf6022Zkpj --limit 10
  fetcher run
  fetcher runs --limit 1
}

read_list() {
  local url="http://127.0.0.1:$web_port/user-recommendations/verify"
  curl -fsS "$url" >"$work/list.json"
  python3 - "$work/list.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
tracks = doc.get("tracks") or []
print(f"list of {doc.get('username')} for {doc.get('date')}: {len(tracks)} tracks, strategy {doc.get('strategy')}")
for t in tracks[:3]:
    print(f"  {t.get('track_title')} ({t.get('source')})")
sys.exit(0 if len(tracks) == 10 else 1)
EOF
}

check_health() {
  local service id status failed=0
  for service in postgres web; do
    id=$(compose ps -q "$service")
    status=$(health "$id")
    echo "$service: $status"
    [ "$status" = healthy ] || failed=1
  done
  return $failed
}

check_users() {
  local service id failed=0 uid
  for service in postgres web; do
    id=$(compose ps -q "$service")
    echo "$service: image user '$(docker inspect -f '{{.Config.User}}' "$id")'; processes:"
    docker top "$id" -o pid,uid,user,args | tee "$work/top.txt"
    # uid 0 anywhere in the container's processes fails the check
    if awk 'NR > 1 && $2 == 0 {found = 1} END {exit !found}' "$work/top.txt"; then
      echo "$service runs a process as root" >&2; failed=1
    fi
  done
  uid=$(compose run --rm --entrypoint id fetcher -u | tr -d '\r' | tail -n 1)
  echo "fetcher: runs as uid $uid"
  [ "$uid" != 0 ] || { echo "the fetcher runs as root" >&2; failed=1; }
  return $failed
}

step "Docker engine" ensure_engine
step "compose tool" ensure_compose
step "base images" choose_images
image_note="JRE $jre_image, PostgreSQL $pg_image"
step "jars built on the host" package_jars
step "images (runtime-prebuilt targets)" build_images
step "fakes on the host" start_fakes
step "compose project" write_project
step "stack up (postgres, migrate, web), healthy" stack_up
step "fetcher container: migrate, users add, run" fetch_pipeline
step "list read through the published port" read_list
step "health checks report healthy" check_health
step "no process runs as root" check_users

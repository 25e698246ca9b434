# STAND-IN, not the postgres:15-alpine the compose file and the tests name by default: Debian's
# PostgreSQL 15 on a Debian bookworm, for machines that cannot pull from Docker Hub. Its entry point
# (postgres-entrypoint.sh) does what the official image does as far as this project uses it:
# POSTGRES_PASSWORD (required), POSTGRES_USER (default postgres), POSTGRES_DB (default the user),
# POSTGRES_INITDB_ARGS, data in PGDATA=/var/lib/postgresql/data, pg_isready on the PATH, and the same
# start-up log (a temporary server for the set-up, then the real one), which Testcontainers waits for.
# Built by docker/verify.sh as spotify-insight-standin/postgres:15.
ARG BASE_IMAGE=spotify-insight-standin/debian:bookworm
FROM ${BASE_IMAGE}
ENV LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive
# No cluster from the package: the entry point makes one in PGDATA on first start.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-common \
 && sed -ri 's/#?\s*create_main_cluster\s*=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf \
 && apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
RUN mkdir -p /var/run/postgresql "$PGDATA" \
 && chown postgres:postgres /var/run/postgresql "$PGDATA" \
 && chmod 2775 /var/run/postgresql && chmod 700 "$PGDATA"
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER postgres
VOLUME /var/lib/postgresql/data
EXPOSE 5432
# SIGINT is PostgreSQL's fast shutdown, as in the official image.
STOPSIGNAL SIGINT
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
LABEL org.opencontainers.image.description="Stand-in for postgres:15-alpine, built locally by docker/verify.sh"

# The fetcher: a one-off container per run (docker compose run --rm fetcher ...).
# Build from the repository root:
#   docker build -f docker/fetcher-job.Dockerfile -t spotify-insight-fetcher .
#       the default target (runtime): builds the jar inside the image (needs Maven Central)
#   ./mvnw -B -q package -DskipTests -pl fetcher-job -am
#   docker build -f docker/fetcher-job.Dockerfile --target runtime-prebuilt -t spotify-insight-fetcher .
#       takes fetcher-job/target/fetcher-job.jar built on the host (no network needed in the build)
# Base images are build arguments, for a registry mirror or a local image:
#   --build-arg JDK_IMAGE=mirror.example/eclipse-temurin:17-jdk --build-arg JRE_IMAGE=...
# The runtime image needs a POSIX sh, java on the PATH, and useradd or BusyBox's adduser.
# docker/verify.sh builds a stand-in with these from Debian's packages (see README, Docker).
ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre-alpine

# What both runtime targets share: the user and the entry point.
FROM ${JRE_IMAGE} AS runtime-base
RUN if command -v useradd >/dev/null 2>&1; then \
      groupadd --system app && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app; \
    else \
      addgroup -S app && adduser -S -G app -h /app app; \
    fi \
 && mkdir -p /app && chown app:app /app
WORKDIR /app
USER app
ENV JAVA_OPTS=""
# JAVA_OPTS (empty by default) adds JVM options after the default (a later -Xmx wins over the percentage).
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:MaxRAMPercentage=75 $JAVA_OPTS -jar /app/fetcher-job.jar \"$@\"", "fetcher-job"]
CMD ["run"]

# The jar built on the host (.dockerignore lets fetcher-job/target/fetcher-job.jar into the context).
FROM runtime-base AS runtime-prebuilt
COPY --chown=root:root fetcher-job/target/fetcher-job.jar /app/fetcher-job.jar

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY spotify-client/pom.xml spotify-client/
COPY persistence/pom.xml persistence/
COPY fetcher-job/pom.xml fetcher-job/
COPY web-api/pom.xml web-api/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl fetcher-job -am dependency:go-offline || true
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl fetcher-job -am -DskipTests package

# The default target (last stage): the jar built above.
FROM runtime-base AS runtime
COPY --from=build --chown=root:root /src/fetcher-job/target/fetcher-job.jar /app/fetcher-job.jar

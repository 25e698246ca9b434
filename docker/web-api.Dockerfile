# The web API: built with the Maven Wrapper, run on a JRE 17 as a non-root user.
# Build from the repository root:
#   docker build -f docker/web-api.Dockerfile -t spotify-insight-web .
#       the default target (runtime): builds the jar inside the image (needs Maven Central)
#   ./mvnw -B -q package -DskipTests -pl web-api -am
#   docker build -f docker/web-api.Dockerfile --target runtime-prebuilt -t spotify-insight-web .
#       takes web-api/target/web-api.jar built on the host (no network needed in the build)
# Base images are build arguments, for a registry mirror or a local image:
#   --build-arg JDK_IMAGE=mirror.example/eclipse-temurin:17-jdk --build-arg JRE_IMAGE=...
# The runtime image needs a POSIX sh, java on the PATH, wget (health check), and useradd or BusyBox's
# adduser. docker/verify.sh builds stand-ins with these from Debian's packages (see README, Docker).
ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre-alpine

# What both runtime targets share: the user, the port, the health check, the entry point.
FROM ${JRE_IMAGE} AS runtime-base
RUN if command -v useradd >/dev/null 2>&1; then \
      groupadd --system app && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app; \
    else \
      addgroup -S app && adduser -S -G app -h /app app; \
    fi \
 && mkdir -p /app && chown app:app /app
WORKDIR /app
USER app
ENV HOST=0.0.0.0 PORT=8000 JAVA_OPTS=""
EXPOSE 8000
# /health answers 503 while the database is unreachable, so the container shows unhealthy then.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${PORT}/health" || exit 1
# JAVA_OPTS (empty by default) adds JVM options after the default, e.g. the small-host profile in the
# README: JAVA_OPTS="-Xmx96m -Xss512k -XX:+UseSerialGC ..." (a later -Xmx wins over the percentage).
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:MaxRAMPercentage=75 $JAVA_OPTS -jar /app/web-api.jar \"$@\"", "web-api"]

# The jar built on the host (.dockerignore lets web-api/target/web-api.jar into the context).
FROM runtime-base AS runtime-prebuilt
COPY --chown=root:root web-api/target/web-api.jar /app/web-api.jar

FROM ${JDK_IMAGE} AS build
WORKDIR /src
# Dependencies first, so that a code change does not download the world again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY spotify-client/pom.xml spotify-client/
COPY persistence/pom.xml persistence/
COPY fetcher-job/pom.xml fetcher-job/
COPY web-api/pom.xml web-api/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl web-api -am dependency:go-offline || true
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl web-api -am -DskipTests package

# The default target (last stage): the jar built above.
FROM runtime-base AS runtime
COPY --from=build --chown=root:root /src/web-api/target/web-api.jar /app/web-api.jar

# syntax=docker/dockerfile:1
# The web API: built with the Maven Wrapper, run on a slim JRE 17 as a non-root user.
# Build from the repository root:  docker build -f docker/web-api.Dockerfile -t spotify-insight-web .

FROM eclipse-temurin:17-jdk AS build
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

FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S app && adduser -S -G app -h /app app
WORKDIR /app
COPY --from=build /src/web-api/target/web-api.jar /app/web-api.jar
USER app
ENV HOST=0.0.0.0 PORT=8000
EXPOSE 8000
# /health answers 503 while the database is unreachable, so the container shows unhealthy then.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${PORT}/health" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/web-api.jar"]

# syntax=docker/dockerfile:1
# The fetcher: a one-off container per run (docker compose run --rm fetcher ...).
# Build from the repository root:  docker build -f docker/fetcher-job.Dockerfile -t spotify-insight-fetcher .

FROM eclipse-temurin:17-jdk AS build
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

FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S app && adduser -S -G app -h /app app
WORKDIR /app
COPY --from=build /src/fetcher-job/target/fetcher-job.jar /app/fetcher-job.jar
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/fetcher-job.jar"]
CMD ["run"]

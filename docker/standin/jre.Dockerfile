# STAND-IN, not the image the Dockerfiles name by default: a Debian bookworm with Debian's OpenJDK 17
# JRE, for machines that cannot pull eclipse-temurin:17-jre-alpine (no Docker Hub). It has what the
# runtime stages use from their base: sh, java on the PATH, wget for the health check, useradd.
# Built by docker/verify.sh as spotify-insight-standin/jre:17 from spotify-insight-standin/debian:bookworm
# (a debootstrap of the machine's Debian mirror, imported with docker import).
ARG BASE_IMAGE=spotify-insight-standin/debian:bookworm
FROM ${BASE_IMAGE}
ENV LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless wget \
 && rm -rf /var/lib/apt/lists/*
LABEL org.opencontainers.image.description="Stand-in for eclipse-temurin:17-jre-alpine, built locally by docker/verify.sh"

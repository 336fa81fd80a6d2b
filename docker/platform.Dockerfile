# The real platform servers of `npm run platform` (slapd, PowerDNS, and the mail and IM servers),
# run by the same launcher (scripts/platform) in a container; PLATFORM_SERVICES picks which.
# Used by the `platform` profile of docker/compose.yaml. Build from the repository root.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
COPY scripts/platform ./scripts/platform
RUN npm run build

FROM node:20-bookworm-slim
# The Debian packages the launcher needs (its `packages` command lists them); no default instances.
COPY --from=build /app/dist/scripts /app/dist/scripts
COPY --from=build /app/scripts/platform /app/scripts/platform
RUN echo "slapd slapd/no_configuration boolean true" | debconf-set-selections \
 && echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(node /app/dist/scripts/platform/main.js packages) \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home --home-dir /var/lib/provisio-platform provisio
ENV PLATFORM_DIR=/var/lib/provisio-platform \
    PLATFORM_HOST=0.0.0.0
WORKDIR /app
USER provisio
ENTRYPOINT ["node", "dist/scripts/platform/main.js"]
CMD ["start"]

# Node.js 26 is the Active LTS line (since 2026-10-28; 24 is in maintenance) and
# Debian 13 "trixie" is stable (bookworm left regular security support in June
# 2026). Every stage uses this one image, so the sqlite3 addon compiled in the
# build stage matches the runtime's Node ABI and glibc.
ARG NODE_IMAGE=node:26-trixie-slim

# ---- build: compile TypeScript, then drop the dev dependencies ----
FROM ${NODE_IMAGE} AS build
# Toolchain for the sqlite3 native addon when no prebuilt binary fits. sqlite3's
# node-gyp 8 still imports distutils, which Python 3.12+ only has through setuptools.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 python3-setuptools make g++ \
  && rm -rf /var/lib/apt/lists/*
# node-gyp takes Node's headers from the base image instead of downloading them.
ENV npm_config_nodedir=/usr/local
WORKDIR /app
COPY package.json package-lock.json ./
# npm settings (registry mirror, CA, auth) come from an optional build secret, so
# nothing secret lands in a layer: docker build --secret id=npmrc,src=$HOME/.npmrc .
RUN --mount=type=cache,target=/root/.npm \
  --mount=type=secret,id=npmrc,target=/root/.npmrc \
  npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
# The texts (locales/<language>/*.json): the build copies them into dist/.
COPY locales ./locales
# npm prune keeps what the dev tree installed as an optional peer (typescript, for
# i18next) and empty scope folders; production-tree.mjs removes all outside the
# production tree. scripts/ci-docker.sh fails if a dev-only package comes back.
COPY scripts/production-tree.mjs ./scripts/
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && node scripts/production-tree.mjs --prune
# What the running bot never loads: the sqlite3 addon's build leftovers (object files,
# static libraries, the SQLite sources; only node_sqlite3.node is loaded) and the DejaVu
# fonts other than the two the pictures use (src/pictures/render.ts).
RUN rm -rf node_modules/sqlite3/build/Release/obj node_modules/sqlite3/build/Release/obj.target \
    node_modules/sqlite3/build/Release/.deps node_modules/sqlite3/build/Release/*.a \
    node_modules/sqlite3/build/deps node_modules/sqlite3/deps node_modules/sqlite3/src \
  && find node_modules/dejavu-fonts-ttf/ttf -name '*.ttf' \
    ! -name DejaVuSans.ttf ! -name DejaVuSans-Bold.ttf -delete

# ---- runtime: production node_modules + compiled JavaScript only ----
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to node and reaps zombies.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  DATABASE_URL=sqlite:///data/bot.sqlite \
  HEALTH_PORT=8080
WORKDIR /app
# The same defaults once more in /app/.env, which the bot reads at start for every variable
# the environment leaves unset or empty: `docker run --env-file .env` and compose pass a line
# such as `HEALTH_PORT=` as an empty value, and an empty value replaces an ENV default.
RUN printf 'DATABASE_URL=%s\nHEALTH_PORT=%s\n' "$DATABASE_URL" "$HEALTH_PORT" >.env
# Owned by root: the bot (user node) can read its code but not change it.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# A named volume mounted here starts with this directory's owner.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8080
# No curl in the slim image; Node's own fetch does the probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||8080)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
# node directly, not `npm start`: npm would swallow SIGTERM and skip the bot's shutdown.
# The node flags are npm start's (package.json): young-generation semi-spaces of 4 MB instead
# of up to 16 keep about 20 MB less resident for a few more, cheap scavenges; an old generation
# let grow 30 % past what the last full collection kept (instead of up to 2-4 times) stops the
# swings of 100 MB and more at 10,000 subscriptions, at no CPU measurable (bench/README.md).
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=30", "dist/src/start.js"]

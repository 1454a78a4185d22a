# Pantau production image (docs/deploy.md). Node 24 LTS; the web app, the server bundle and the
# migrated PGlite template are built here, once, so the container starts without a build step.
#   docker build -t pantau .
#   docker compose -f deploy/compose.yaml up -d
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    PANTAU_SECURE_COOKIES=1 \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/.cache ./.cache
COPY --from=build /app/src ./src
COPY --from=build /app/methodologies ./methodologies
COPY --from=build /app/bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The server bundle built above (.cache/server/main.mjs; `npm run serve` runs the same): plain
# JavaScript, no TypeScript runner. Node receives SIGTERM itself and the server drains
# (docs/deploy.md, "Shutdown"). The CLI (`pantau …`, bin/) still runs the sources through tsx.
CMD ["node", "--enable-source-maps", ".cache/server/main.mjs"]

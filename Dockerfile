# The mock SCIM target as a container: `docker compose up target` (see docker-compose.yml).
# Node 22 is the current LTS line; the image runs as the unprivileged `node` user.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json index.ts ./
COPY scim scim
COPY server server
COPY engine engine
COPY conformance conformance
COPY pilot pilot
COPY cli cli
COPY util util
COPY bench bench
COPY fixtures fixtures
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    SCIMULATOR_HOST=0.0.0.0 \
    SCIMULATOR_PORT=8080 \
    SCIMULATOR_DB=/data/target.db.json
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/fixtures fixtures
# the store lives in /data, owned by the user the server runs as
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["node", "dist/cli/index.js"]
CMD ["serve"]

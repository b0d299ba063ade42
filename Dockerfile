# The mock SCIM target as a container: `docker compose up target` (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scim scim
COPY server server
COPY engine engine
COPY conformance conformance
COPY cli cli
COPY util util
COPY bench bench
COPY fixtures fixtures
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/fixtures fixtures
VOLUME /data
EXPOSE 8080
# Inside a container the server must listen beyond loopback for the published port to reach it.
ENTRYPOINT ["node", "dist/cli/index.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--db", "/data/target.db.json"]

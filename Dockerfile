# syntax=docker/dockerfile:1
# Images of the API and the worker (docker-compose.yml builds both targets).
#   docker build --target api -t inspectorate-api .
#   docker build --target worker -t inspectorate-worker .
# The build output layout is named here only: API_MAIN and WORKER_MAIN below.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Sources only (no host node_modules, dist or .run), so no .dockerignore is needed.
COPY tsconfig*.json nest-cli.jso[n] ./
COPY apps ./apps
COPY libs ./libs
COPY workflows ./workflows
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    APP_ENV=production \
    DATA_DIR=/data \
    API_MAIN=dist/apps/api/src/main.js \
    WORKER_MAIN=dist/apps/worker/src/main.js \
    CLI_MAIN=dist/apps/cli/src/main.js \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node

# One-shot: apply the database migrations (docker-compose.yml runs it before the API and worker).
FROM runtime AS migrate
CMD ["sh", "-c", "exec node \"$CLI_MAIN\" migrate"]

FROM runtime AS worker
CMD ["sh", "-c", "exec node \"$WORKER_MAIN\""]

# Last stage: the default target.
FROM runtime AS api
EXPOSE 3000
CMD ["sh", "-c", "exec node \"$API_MAIN\""]

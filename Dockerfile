# renkei's images, in stages. `runtime` (the default, the last stage) is the product: the compiled
# dist/, its assets/ (rich-menu images) and the production dependencies only, installed without devDependencies and without the
# emulators' workspace. The API is its default command; docker-compose.yml runs the same image as
# the Temporal worker (`node dist/worker/main.js`). `emulators` (`--target emulators`) is the
# provider emulators for local trials, built apart so that the product image holds none of them.
#
# Required at run time (config/index.ts refuses to start without them; README, Configuration):
#   worker and API: TEMPORAL_PAYLOAD_KEYS, TOKEN_ENCRYPTION_KEYS, LINEWORKS_CLIENT_ID, LINEWORKS_CLIENT_SECRET,
#                   LANSMART_API_KEY, LINE_LOGIN_CHANNEL_ID, LINE_LOGIN_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN
#   worker only:    LINEWORKS_PRIVATE_KEY_PATH (or LINEWORKS_PRIVATE_KEY)
#   API only:       FREEE_WEBHOOK_TOKEN, FREEE_CLIENT_ID, FREEE_CLIENT_SECRET, LINEWORKS_BOT_SECRET,
#                   LINE_CHANNEL_SECRET, SESSION_SECRET
# and, since their defaults are the local emulators', the providers' addresses: TEMPORAL_ADDRESS,
# MONGODB_URI, API_PUBLIC_URL, LINEWORKS_*_BASE_URL, FREEE_ACCOUNTS_BASE_URL, FREEE_API_BASE_URL,
# LANSMART_API_BASE_URL, LANSMART_LOGIN_URL, LINE_AUTH_BASE_URL, LINE_API_BASE_URL, SMTP_URL.

# ---- build: every dependency (dev ones and the emulators' workspace), compile the product ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
COPY emulators/package.json emulators/
RUN npm ci --no-audit --no-fund

COPY . .
# tsconfig.build.json emits the product only: dist/{api,worker,workflows,activities,...}. The worker
# bundles its workflow code from dist/workflows when it starts, so that directory must reach the
# runtime stage.
RUN npm run build

# ---- emulators: the provider stand-ins for local trials (docker compose --profile emulators) ----
FROM build AS emulators
RUN npm run build --workspace @renkei/emulators
USER node
EXPOSE 4011 4012 4013 4014 4015 2525
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:4011/').then(() => process.exit(0), () => process.exit(1))"
CMD ["node", "dist/emulators/main.js"]

# ---- runtime: production dependencies, the compiled product and its assets only, as the unprivileged `node` user ----
FROM node:20-bookworm-slim AS runtime
# API_HOST: the API must answer on the container's interface. WORKER_METRICS_HOST stays loopback:
# the SDK's Prometheus exporter checks no token, so only the container itself (its healthcheck, a
# sidecar sharing its network namespace) reads it; set 0.0.0.0 only on a network only the scraper
# reaches (README, Configuration).
ENV NODE_ENV=production \
    API_HOST=0.0.0.0 \
    API_PORT=3000 \
    WORKER_METRICS_HOST=127.0.0.1 \
    WORKER_METRICS_PORT=9464
WORKDIR /app

# The root package alone: no devDependencies, no workspace (the emulators' and their packages).
# `npm ls` then fails the build if anything else (an extraneous or missing package) is in the tree.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --workspaces=false --no-audit --no-fund \
 && npm ls --omit=dev --all >/dev/null \
 && npm cache clean --force

COPY --from=build /app/dist ./dist
# The rich-menu images the worker uploads to LINE WORKS (activities/richmenu/images.ts reads them
# beside package.json).
COPY --from=build /app/assets ./assets

USER node
EXPOSE 3000

# Probes the API. Services that run another command from this image (the worker) override the
# healthcheck in docker-compose.yml.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:${API_PORT:-3000}/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

CMD ["node", "dist/api/main.js"]

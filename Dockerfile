# One image for every renkei process. The API is the default command; docker-compose.yml runs the
# same image as the Temporal worker (`node dist/worker/main.js`) and as the provider emulators
# (`node dist/emulators/main.js`).
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

# ---- build: install all dependencies, compile TypeScript into dist/, drop dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
# tsconfig.build.json emits dist/{api,worker,workflows,emulators,...}. The worker bundles its
# workflow code from dist/workflows when it starts, so that directory must reach the runtime stage.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies and compiled code only, as the unprivileged `node` user ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    API_HOST=0.0.0.0 \
    API_PORT=3000 \
    WORKER_METRICS_HOST=0.0.0.0 \
    WORKER_METRICS_PORT=9464
WORKDIR /app

COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3000 9464

# Probes the API. Services that run another command from this image (worker, emulators) override
# the healthcheck in docker-compose.yml.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:${API_PORT:-3000}/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

CMD ["node", "dist/api/main.js"]

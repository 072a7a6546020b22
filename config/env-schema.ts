// Environment configuration schemas. Every process validates its environment once at start and
// names every bad value in one error (ConfigError), instead of failing later at first use.
// Defaults are those of the embedded stack (`npm run dev`): emulators and local servers on loopback.
import { z } from 'zod';
import { isKeySpec, parseKeySpec } from '../security/key-ring';

const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');
const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));
/** An optional secret: unset and empty both mean "not configured". */
const optionalSecret = (min: number, hint: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().min(min, hint).optional());

export const temporalSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('renkei'),
  /** Temporal Cloud API key; implies TLS. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: bool,
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
});

/**
 * mTLS to a self-hosted cluster or Temporal Cloud needs the client certificate and its key together:
 * one without the other would connect without a client certificate and be refused by the server.
 */
export const temporalClientCertRefinement: [(c: { TEMPORAL_TLS_CERT_PATH?: string; TEMPORAL_TLS_KEY_PATH?: string }) => boolean, { message: string; path: string[] }] = [
  (c) => !c.TEMPORAL_TLS_CERT_PATH === !c.TEMPORAL_TLS_KEY_PATH,
  { message: 'set TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH together (the mTLS client certificate and its key), or neither', path: ['TEMPORAL_TLS_CERT_PATH'] },
];

export const mongoSchema = z.object({
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .default('mongodb://127.0.0.1:27018/renkei'),
});

export const logSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Keys for tokens at rest: "id:base64(32 bytes)" comma-separated, the first one encrypts. */
export const cipherSchema = z.object({
  TOKEN_ENCRYPTION_KEYS: z
    .string()
    .min(1, 'required: generate one with `openssl rand -base64 32` and set k1:<that>')
    .refine(
      (v) =>
        v.split(',').every((entry) => {
          const [id, key] = entry.split(':');
          return !!id && !!key && Buffer.from(key, 'base64').length === 32;
        }),
      'must be "keyId:base64key[,keyId:base64key…]" with 32-byte keys',
    ),
});

/**
 * Temporal payload encryption (security/payload-codec): every process that talks to Temporal seals
 * payloads with TEMPORAL_PAYLOAD_KEY_ID (the first key when unset) and opens them with any key of
 * TEMPORAL_PAYLOAD_KEYS. Their membership is checked by `payloadKeysRefinement` on each composed schema.
 */
export const payloadCodecSchema = z.object({
  TEMPORAL_PAYLOAD_KEYS: z
    .string()
    .min(1, 'required: generate one with `openssl rand -base64 32` and set p1:<that>')
    .refine(isKeySpec, 'must be "keyId:base64key[,keyId:base64key…]" with 32-byte keys'),
  TEMPORAL_PAYLOAD_KEY_ID: z.string().min(1).optional(),
});

/** TEMPORAL_PAYLOAD_KEY_ID must name one of TEMPORAL_PAYLOAD_KEYS. */
export const payloadKeysRefinement: [(c: { TEMPORAL_PAYLOAD_KEYS?: string; TEMPORAL_PAYLOAD_KEY_ID?: string }) => boolean, { message: string; path: string[] }] = [
  (c) =>
    !c.TEMPORAL_PAYLOAD_KEY_ID || !c.TEMPORAL_PAYLOAD_KEYS || !isKeySpec(c.TEMPORAL_PAYLOAD_KEYS) || parseKeySpec(c.TEMPORAL_PAYLOAD_KEYS).some(([kid]) => kid === c.TEMPORAL_PAYLOAD_KEY_ID),
  { message: 'must be one of the key ids of TEMPORAL_PAYLOAD_KEYS', path: ['TEMPORAL_PAYLOAD_KEY_ID'] },
];

/** The codec endpoint (api/codec): lets operators read encrypted payloads in the Temporal Web UI. */
export const codecServerSchema = z.object({
  /** Loopback by default: only this machine (or a UI on it) reaches the keys' plaintext. */
  CODEC_SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  CODEC_SERVER_PORT: port.default(8234),
  /** Bearer token the codec endpoint requires; required when it listens beyond loopback. */
  CODEC_SERVER_TOKEN: optionalSecret(24, 'at least 24 characters (e.g. `openssl rand -hex 32`)'),
  /** Origins of the Temporal Web UI allowed to call it (CORS), comma-separated. */
  CODEC_SERVER_CORS_ORIGINS: z
    .string()
    .default('http://127.0.0.1:8233,http://localhost:8233')
    .transform((v) => v.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
});

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** A codec endpoint reachable beyond loopback must require a token. */
export const codecServerTokenRefinement: [(c: { CODEC_SERVER_HOST: string; CODEC_SERVER_TOKEN?: string }) => boolean, { message: string; path: string[] }] = [
  (c) => LOOPBACK_HOSTS.has(c.CODEC_SERVER_HOST) || !!c.CODEC_SERVER_TOKEN,
  { message: 'required when CODEC_SERVER_HOST is not a loopback address', path: ['CODEC_SERVER_TOKEN'] },
];

export const lineWorksSchema = z.object({
  LINEWORKS_AUTH_BASE_URL: url.default('http://127.0.0.1:4011/oauth2/v2.0'),
  LINEWORKS_API_BASE_URL: url.default('http://127.0.0.1:4011/v1.0'),
  LINEWORKS_CLIENT_ID: z.string().min(1, 'required (Developer Console → app → Client ID)'),
  LINEWORKS_CLIENT_SECRET: z.string().min(1, 'required (Developer Console → app → Client Secret)'),
  /** PEM of the app's service-account private key, or use LINEWORKS_PRIVATE_KEY_PATH. */
  LINEWORKS_PRIVATE_KEY: z.string().min(1).optional(),
  LINEWORKS_PRIVATE_KEY_PATH: z.string().min(1).optional(),
  LINEWORKS_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export const freeeSchema = z.object({
  /** The app's "Webhook 検証用トークン", sent by freee in x-freee-token. */
  FREEE_WEBHOOK_TOKEN: z.string().min(16, 'required, at least 16 characters (freee app → Webhook 検証用トークン)'),
  FREEE_WEB_BASE_URL: url.default('https://secure.freee.co.jp'),
  /** Where the 人事労務 rich menu's [勤怠を登録する] leads. */
  FREEE_HR_URL: url.default('https://p.secure.freee.co.jp'),
  /** Shared secret of the signed product-event endpoint; the endpoint answers 503 while unset. */
  FREEE_PRODUCT_EVENT_SECRET: optionalSecret(32, 'at least 32 characters (e.g. `openssl rand -hex 32`)'),
});

/** freee OAuth (the pages' login and the employee ID-link). */
export const freeeOAuthSchema = z.object({
  FREEE_ACCOUNTS_BASE_URL: url.default('http://127.0.0.1:4012'),
  FREEE_API_BASE_URL: url.default('http://127.0.0.1:4012'),
  FREEE_CLIENT_ID: z.string().min(1, 'required (freee app → Client ID)'),
  FREEE_CLIENT_SECRET: z.string().min(1, 'required (freee app → Client Secret)'),
  FREEE_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

/** What the API needs of LINE WORKS: OAuth/OIDC for people, the admin console, callback secrets. */
export const lineWorksWebSchema = z.object({
  LINEWORKS_AUTH_BASE_URL: url.default('http://127.0.0.1:4011/oauth2/v2.0'),
  LINEWORKS_API_BASE_URL: url.default('http://127.0.0.1:4011/v1.0'),
  /** Where the admin console's app pages are (app detail, install). */
  LINEWORKS_ADMIN_BASE_URL: url.default('http://127.0.0.1:4011/admin'),
  /** Where an employee's outcome page sends them back to their talk rooms ([LINE WORKSのトーク画面に戻る]). */
  LINEWORKS_TALK_URL: url.default('http://127.0.0.1:4011/talk'),
  LINEWORKS_CLIENT_ID: z.string().min(1, 'required (Developer Console → app → Client ID)'),
  LINEWORKS_CLIENT_SECRET: z.string().min(1, 'required (Developer Console → app → Client Secret)'),
  /** Bot Secret: the key of X-WORKS-Signature on bot callbacks. */
  LINEWORKS_BOT_SECRET: z.string().min(1, 'required (Developer Console → Bot → Bot Secret)'),
  /**
   * Where LINE WORKS sends a person back after logging in for the mobile ID-link (User Account
   * auth); must be registered on the app exactly. Unset: `<API_PUBLIC_URL>/auth/lineworks/callback`.
   */
  LINEWORKS_LOGIN_REDIRECT_URI: url.optional(),
  LINEWORKS_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export const apiSchema = z.object({
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  API_PUBLIC_URL: url.optional(),
  API_BODY_LIMIT: z.string().default('256kb'),
  /** Bearer token of the operator endpoints (/api/tenants/…); they answer 503 while unset. */
  OPERATOR_API_TOKEN: optionalSecret(24, 'at least 24 characters'),
  /** The Temporal Web UI that the operator view links workflows to (`…/namespaces/{ns}/workflows/{id}`). */
  TEMPORAL_UI_BASE_URL: url.default('http://127.0.0.1:8233'),
  /** Signs sessions, OAuth states and link tickets. */
  SESSION_SECRET: z.string().min(32, 'required, at least 32 characters (e.g. `openssl rand -hex 32`)'),
});

/** The API's /metrics: Prometheus scrapes it with `Authorization: Bearer <METRICS_TOKEN>`; 503 while unset. */
export const metricsSchema = z.object({
  METRICS_TOKEN: optionalSecret(24, 'at least 24 characters (e.g. `openssl rand -hex 24`)'),
});

export const workerSchema = z.object({
  WORKER_METRICS_PORT: port.default(9464),
  WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(30_000),
  /**
   * Workflows kept in memory; the others are replayed from history when they next wake. A worker's
   * memory follows this, not the number of open workflows: 100 keeps one under 600 MB (`npm run bench:memory`).
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().positive().default(100),
  /** Throughput tuning; unset means the SDK's defaults. */
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().positive().optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().positive().optional(),
  WORKER_MAX_WORKFLOW_TASK_POLLS: z.coerce.number().int().positive().optional(),
});

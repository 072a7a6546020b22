// The environment the embedded stack gives the worker and the API: every service on loopback, the
// emulators in place of LINE WORKS, freee, LINE and the Lansmart platform, the mail sink for SMTP.
// The dev runner, the tests and the benchmarks build their configuration here, so all three run
// the same configuration code as production.
import type { EmulatorUrls } from '../../emulators';

export interface EmbeddedSecrets {
  privateKeyPem: string;
  tokenEncryptionKeys: string;
  /** "kid:base64" of the Temporal payload codec; its key ID is the current one. */
  temporalPayloadKeys: string;
  freeeWebhookToken: string;
  clientId: string;
  clientSecret: string;
  productEventSecret: string;
  operatorApiToken: string;
  metricsToken: string;
  freeeClientId: string;
  freeeClientSecret: string;
  botSecret: string;
  sessionSecret: string;
  lansmartApiKey: string;
  lansmartEventSecret: string;
  lineLoginChannelId: string;
  lineLoginChannelSecret: string;
  lineChannelAccessToken: string;
  lineChannelSecret: string;
}

export interface EmbeddedEnvOptions {
  temporalAddress: string;
  mongoUri: string;
  /** Where the emulators listen (`startEmulators().urls`): LINE WORKS, freee, LINE, Lansmart, the mail sink's SMTP. */
  emulators: Pick<EmulatorUrls, 'lineworks' | 'freee' | 'line' | 'lansmart' | 'smtp'>;
  secrets: EmbeddedSecrets;
  /** Where people reach the API (redirect URIs are built from it). */
  apiPublicUrl?: string;
  taskQueue?: string;
  apiPort?: number;
  workerMetricsPort?: number;
  logLevel?: string;
}

export function embeddedEnv(o: EmbeddedEnvOptions): Record<string, string> {
  return {
    TEMPORAL_ADDRESS: o.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: o.taskQueue ?? 'renkei',
    MONGODB_URI: o.mongoUri,
    LOG_LEVEL: o.logLevel ?? 'info',
    TOKEN_ENCRYPTION_KEYS: o.secrets.tokenEncryptionKeys,
    TEMPORAL_PAYLOAD_KEYS: o.secrets.temporalPayloadKeys,
    TEMPORAL_PAYLOAD_KEY_ID: o.secrets.temporalPayloadKeys.split(':')[0] ?? '',
    FREEE_WEBHOOK_TOKEN: o.secrets.freeeWebhookToken,
    FREEE_PRODUCT_EVENT_SECRET: o.secrets.productEventSecret,
    OPERATOR_API_TOKEN: o.secrets.operatorApiToken,
    METRICS_TOKEN: o.secrets.metricsToken,
    LINEWORKS_AUTH_BASE_URL: `${o.emulators.lineworks}/oauth2/v2.0`,
    LINEWORKS_API_BASE_URL: `${o.emulators.lineworks}/v1.0`,
    LINEWORKS_CLIENT_ID: o.secrets.clientId,
    LINEWORKS_CLIENT_SECRET: o.secrets.clientSecret,
    LINEWORKS_PRIVATE_KEY: o.secrets.privateKeyPem,
    LINEWORKS_ADMIN_BASE_URL: `${o.emulators.lineworks}/admin`,
    LINEWORKS_TALK_URL: `${o.emulators.lineworks}/talk`,
    LINEWORKS_BOT_SECRET: o.secrets.botSecret,
    FREEE_ACCOUNTS_BASE_URL: o.emulators.freee,
    FREEE_API_BASE_URL: o.emulators.freee,
    FREEE_CLIENT_ID: o.secrets.freeeClientId,
    FREEE_CLIENT_SECRET: o.secrets.freeeClientSecret,
    SESSION_SECRET: o.secrets.sessionSecret,
    LANSMART_API_BASE_URL: o.emulators.lansmart,
    LANSMART_LOGIN_URL: `${o.emulators.lansmart}/login`,
    LANSMART_API_KEY: o.secrets.lansmartApiKey,
    LANSMART_EVENT_SECRET: o.secrets.lansmartEventSecret,
    LINE_AUTH_BASE_URL: o.emulators.line,
    LINE_API_BASE_URL: o.emulators.line,
    LINE_LOGIN_CHANNEL_ID: o.secrets.lineLoginChannelId,
    LINE_LOGIN_CHANNEL_SECRET: o.secrets.lineLoginChannelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: o.secrets.lineChannelAccessToken,
    LINE_CHANNEL_SECRET: o.secrets.lineChannelSecret,
    SMTP_URL: `smtp://${o.emulators.smtp.host}:${o.emulators.smtp.port}`,
    API_PORT: String(o.apiPort ?? 3000),
    // The mobile ID-link's LINE WORKS login comes back here (the emulator app registers it).
    ...(o.apiPublicUrl ? { API_PUBLIC_URL: o.apiPublicUrl, LINEWORKS_LOGIN_REDIRECT_URI: `${o.apiPublicUrl.replace(/\/+$/, '')}/auth/lineworks/callback` } : {}),
    WORKER_METRICS_PORT: String(o.workerMetricsPort ?? 9464),
  };
}

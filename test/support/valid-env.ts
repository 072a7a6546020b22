// The smallest environments the worker's and the API's configuration accept: every required
// variable with an example value (fresh random keys). Unit tests start from them and change one thing.
import { randomBytes } from 'node:crypto';

export const validWorkerEnv = {
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  TEMPORAL_PAYLOAD_KEYS: `p1:${randomBytes(32).toString('base64')}`,
  LINEWORKS_CLIENT_ID: 'client',
  LINEWORKS_CLIENT_SECRET: 'secret',
  LINEWORKS_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----',
  LANSMART_API_KEY: 'lansmart-key',
  LINE_LOGIN_CHANNEL_ID: '1234567890',
  LINE_LOGIN_CHANNEL_SECRET: 'line-login-secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-channel-token',
};

export const validApiEnv = {
  FREEE_WEBHOOK_TOKEN: 'a-long-enough-token-value',
  TOKEN_ENCRYPTION_KEYS: validWorkerEnv.TOKEN_ENCRYPTION_KEYS,
  TEMPORAL_PAYLOAD_KEYS: validWorkerEnv.TEMPORAL_PAYLOAD_KEYS,
  SESSION_SECRET: 's'.repeat(32),
  FREEE_CLIENT_ID: 'freee-client',
  FREEE_CLIENT_SECRET: 'freee-secret',
  LINEWORKS_CLIENT_ID: 'client',
  LINEWORKS_CLIENT_SECRET: 'secret',
  LINEWORKS_BOT_SECRET: 'bot-secret',
  LANSMART_API_KEY: 'lansmart-key',
  LINE_LOGIN_CHANNEL_ID: '1234567890',
  LINE_LOGIN_CHANNEL_SECRET: 'line-login-secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-channel-token',
  LINE_CHANNEL_SECRET: 'line-channel-secret',
};

// Wires the activities' dependencies from the worker configuration: the LINE WORKS client with its
// service-account token provider, whose tokens are cached in Mongo sealed by TokenCipher, and the
// Temporal client the cascade signals with.
import type { Client } from '@temporalio/client';
import { readFileSync } from 'node:fs';
import type { ActivityDeps } from '../activities';
import type { WorkerConfig } from '../config';
import { LansmartPlatformClient } from '../providers/lansmart/platform-client';
import { LineLoginClient } from '../providers/line/login-client';
import { LineMessagingClient } from '../providers/line/messaging-client';
import { LineWorksClient } from '../providers/lineworks/client';
import { Mailer } from '../providers/mail/mailer';
import { ServiceAccountTokenProvider } from '../providers/lineworks/service-account-token';
import { MongoTokenStore } from '../models/service-token-store';
import { TokenCipher } from '../security/token-cipher';

export function activityDepsFromConfig(c: WorkerConfig, temporal: Client): ActivityDeps {
  const privateKeyPem = c.LINEWORKS_PRIVATE_KEY ?? readFileSync(c.LINEWORKS_PRIVATE_KEY_PATH as string, 'utf8');
  const cipher = new TokenCipher(c.TOKEN_ENCRYPTION_KEYS);
  const tokens = new ServiceAccountTokenProvider({
    authBaseUrl: c.LINEWORKS_AUTH_BASE_URL,
    clientId: c.LINEWORKS_CLIENT_ID,
    clientSecret: c.LINEWORKS_CLIENT_SECRET,
    privateKeyPem,
    scope: 'bot user.read',
    store: new MongoTokenStore(cipher),
    timeoutMs: c.LINEWORKS_HTTP_TIMEOUT_MS,
  });
  return {
    lineWorks: new LineWorksClient({ apiBaseUrl: c.LINEWORKS_API_BASE_URL, timeoutMs: c.LINEWORKS_HTTP_TIMEOUT_MS, tokens }),
    freeeWebBaseUrl: c.FREEE_WEB_BASE_URL,
    freeeHrUrl: c.FREEE_HR_URL,
    temporal,
    partners: {
      lansmart: new LansmartPlatformClient({ apiBaseUrl: c.LANSMART_API_BASE_URL, apiKey: c.LANSMART_API_KEY, timeoutMs: c.LANSMART_HTTP_TIMEOUT_MS }),
      lineMessaging: new LineMessagingClient({ apiBaseUrl: c.LINE_API_BASE_URL, channelAccessToken: c.LINE_CHANNEL_ACCESS_TOKEN, timeoutMs: c.LINE_HTTP_TIMEOUT_MS }),
      lineLogin: new LineLoginClient({
        apiBaseUrl: c.LINE_API_BASE_URL,
        channelId: c.LINE_LOGIN_CHANNEL_ID,
        channelSecret: c.LINE_LOGIN_CHANNEL_SECRET,
        timeoutMs: c.LINE_HTTP_TIMEOUT_MS,
      }),
      mailer: new Mailer({ smtpUrl: c.SMTP_URL, from: c.MAIL_FROM, timeoutMs: c.SMTP_TIMEOUT_MS, maxConnections: c.SMTP_MAX_CONNECTIONS }),
      cipher,
      partnerWebBaseUrl: c.API_PUBLIC_URL,
    },
  };
}

// Registers renkei with the LINE and Lansmart emulators the way an operator registers it with the
// real providers: the LINE Login channel (callback URL), the Messaging API channel (token, secret,
// webhook URL with redelivery on) and the platform (API key, event URL and secret). Used by the
// dev runner, the tests and the benchmarks.
import type { LansmartControl } from '../../emulators/lansmart/control-client';
import type { LineControl } from '../../emulators/line/control-client';
import type { EmbeddedSecrets } from './embedded-env';

export const LANSMART_APP_NAME = 'Lansmart by SmartHR';
/** The Official Account's bot user ID in the emulator. */
export const LANSMART_BOT_USER_ID = `U${'1a2b3c4d'.repeat(4)}`;

export async function seedPartnerEmulators(line: LineControl, lansmart: LansmartControl, secrets: EmbeddedSecrets, apiUrl: string): Promise<void> {
  const base = apiUrl.replace(/\/+$/, '');
  await line.seed({
    loginChannel: {
      channelId: secrets.lineLoginChannelId,
      channelSecret: secrets.lineLoginChannelSecret,
      name: LANSMART_APP_NAME,
      redirectUris: [`${base}/auth/line/callback`],
    },
    messagingChannel: {
      channelId: String(Number(secrets.lineLoginChannelId) + 1),
      channelSecret: secrets.lineChannelSecret,
      channelAccessToken: secrets.lineChannelAccessToken,
      botUserId: LANSMART_BOT_USER_ID,
      name: LANSMART_APP_NAME,
      webhookUrl: `${base}/webhooks/line`,
      webhookRedelivery: true,
    },
  });
  await lansmart.seed({ apiKey: secrets.lansmartApiKey, eventTargetUrl: `${base}/events/lansmart`, eventSecret: secrets.lansmartEventSecret });
}

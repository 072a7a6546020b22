// Registers renkei as the app in the emulators, as an integrator would in the providers' developer
// consoles: the LINE WORKS app "freee" (client, service-account key, redirect URIs, the console's
// [追加する] target, the lifecycle callback, the bot's callback and secret) and the freee app
// (redirect URI), plus where freee's webhooks and product events go. Idempotent.
import type { EmulatorControl } from '../../emulators/control-client';
import type { DevSecrets } from './dev-secrets';

export async function seedEmulatorApps(lineWorks: EmulatorControl, freee: EmulatorControl, secrets: DevSecrets, apiPublicUrl: string): Promise<void> {
  const api = apiPublicUrl.replace(/\/+$/, '');
  await lineWorks.seedLineWorks({
    apps: [
      {
        clientId: secrets.clientId,
        clientSecret: secrets.clientSecret,
        publicKeyPem: secrets.publicKeyPem,
        name: 'freee',
        redirectUris: [`${api}/lineworks/admin/installed`, `${api}/auth/lineworks/callback`],
        appUrl: `${api}/lineworks/admin/add`,
        appCallbackUrl: `${api}/webhooks/lineworks/app`,
        bot: { name: 'freee', callbackUrl: `${api}/webhooks/lineworks/bot`, botSecret: secrets.botSecret },
      },
    ],
    tenants: [],
  });
  await freee.seedFreee({
    companies: [],
    users: [],
    apps: [{ clientId: secrets.freeeClientId, clientSecret: secrets.freeeClientSecret, redirectUris: [`${api}/auth/freee/callback`], name: 'renkei' }],
  });
  await freee.configureFreeeWebhook({ targetUrl: `${api}/webhooks/freee`, verificationToken: secrets.freeeWebhookToken });
  await freee.configureProductEvents({ targetUrl: `${api}/events/freee-products`, secret: secrets.productEventSecret });
}

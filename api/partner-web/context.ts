// What the Lansmart partner's phone pages share, built once per app: the partner session, OAuth
// states (LINE Login), the LINE Login sign-in (openid-client) and token clients, the platform API, and the commands to the partner's
// LINE-link and order workflows.
import type { ApiDeps } from '../deps';
import { LansmartPlatformClient } from '../../providers/lansmart/platform-client';
import { LineLoginClient } from '../../providers/line/login-client';
import { LineSignInClient } from '../line-login/sign-in-client';
import type { OrderCommands } from '../temporal/order-commands';
import type { PartnerCommands } from '../temporal/partner-commands';
import type { WebContext } from '../web/context';
import type { OAuthStates } from '../web/oauth-states';
import { PartnerSessions } from '../web/session';

export interface PartnerWebContext {
  publicUrl: string;
  sessions: PartnerSessions;
  states: OAuthStates;
  /** LINE Login's sign-in: authorize URL, code exchange, verified ID token. */
  lineSignIn: LineSignInClient;
  /** LINE Login's token APIs (the friendship status after the sign-in). */
  lineLogin: LineLoginClient;
  platform: LansmartPlatformClient;
  partners: PartnerCommands;
  orders: OrderCommands;
  /** The largest 報告書 file accepted, in bytes. */
  reportFileMaxBytes: number;
  url(path: string): string;
}

export function partnerWebContext(deps: ApiDeps, web: WebContext, commands: { partners: PartnerCommands; orders: OrderCommands }): PartnerWebContext {
  const c = deps.config;
  return {
    publicUrl: web.publicUrl,
    sessions: new PartnerSessions(c.SESSION_SECRET, { secure: web.publicUrl.startsWith('https://') }),
    states: web.states,
    lineSignIn: new LineSignInClient({
      authBaseUrl: c.LINE_AUTH_BASE_URL,
      channelId: c.LINE_LOGIN_CHANNEL_ID,
      channelSecret: c.LINE_LOGIN_CHANNEL_SECRET,
      // Registered on the LINE Login channel.
      redirectUri: `${web.publicUrl}/auth/line/callback`,
      timeoutMs: c.LINE_HTTP_TIMEOUT_MS,
    }),
    lineLogin: new LineLoginClient({
      apiBaseUrl: c.LINE_API_BASE_URL,
      channelId: c.LINE_LOGIN_CHANNEL_ID,
      channelSecret: c.LINE_LOGIN_CHANNEL_SECRET,
      timeoutMs: c.LINE_HTTP_TIMEOUT_MS,
    }),
    platform: new LansmartPlatformClient({ apiBaseUrl: c.LANSMART_API_BASE_URL, apiKey: c.LANSMART_API_KEY, timeoutMs: c.LANSMART_HTTP_TIMEOUT_MS }),
    partners: commands.partners,
    orders: commands.orders,
    reportFileMaxBytes: c.REPORT_FILE_MAX_BYTES,
    url: (path) => web.url(path),
  };
}

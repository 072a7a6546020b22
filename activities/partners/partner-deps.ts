// What the partner-side activities need: the platform, LINE (messaging and login), SMTP, the
// token cipher, and renkei's public URL for the links in messages.
import type { LansmartPlatformClient } from '../../providers/lansmart/platform-client';
import type { LineLoginClient } from '../../providers/line/login-client';
import type { LineMessagingClient } from '../../providers/line/messaging-client';
import type { Mailer } from '../../providers/mail/mailer';
import type { TokenCipher } from '../../security/token-cipher';

export interface PartnerActivityDeps {
  lansmart: LansmartPlatformClient;
  lineMessaging: LineMessagingClient;
  lineLogin: LineLoginClient;
  mailer: Mailer;
  cipher: TokenCipher;
  /** renkei's public base URL; notification links point at its partner pages. */
  partnerWebBaseUrl: string;
}

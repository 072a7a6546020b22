// The freee session of a person using renkei's settings and link pages: who they are in freee and
// which business (事業所) they act for. Identifiers only — tokens stay sealed in Mongo.
import { z } from 'zod';
import type { CookieSettings } from './cookies';
import { SignedSession } from './signed-session';

const webSession = z.object({
  freeeUserId: z.string().min(1),
  companyId: z.string().min(1),
  companyName: z.string().default(''),
  role: z.string().default(''),
  displayName: z.string().default(''),
  /** Random per session: CSRF tokens derive from it. */
  sid: z.string().min(1),
});
export type WebSession = z.infer<typeof webSession>;

export class Sessions extends SignedSession<WebSession> {
  constructor(secret: string, cookies: CookieSettings) {
    super(secret, cookies, { cookie: 'renkei_session', issuer: 'renkei', seconds: 8 * 3600, claims: webSession });
  }
}

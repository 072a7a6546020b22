// The session of a Lansmart partner on renkei's phone pages, opened by LINE Login: which partner
// of which company, through which LINE account. Its own cookie and issuer (a freee session never
// passes as a partner's); CSRF tokens for every form, as for the settings pages.
import { z } from 'zod';
import type { CookieSettings } from '../web/cookies';
import { SignedSession } from '../web/signed-session';

const partnerSession = z.object({
  partnerId: z.string().min(1),
  companyId: z.string().min(1),
  lineUserId: z.string().min(1),
  displayName: z.string().default(''),
  sid: z.string().min(1),
});
export type PartnerSession = z.infer<typeof partnerSession>;

/** A partner stays signed in on the phone for a working day. */
export const PARTNER_SESSION_SECONDS = 12 * 3600;

export class PartnerSessions extends SignedSession<PartnerSession> {
  constructor(secret: string, cookies: CookieSettings) {
    super(secret, cookies, { cookie: 'renkei_partner', issuer: 'renkei/partner', seconds: PARTNER_SESSION_SECONDS, claims: partnerSession });
  }
}

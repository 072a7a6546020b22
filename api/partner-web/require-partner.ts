// Pages only a signed-in partner sees: the partner session, or a redirect to 「LINEでログイン」 that
// comes back to the same page (the link in a LINE message or an e-mail lands here first).
import type { Request, Response } from 'express';
import type { PartnerWebContext } from './context';
import type { PartnerSession } from './partner-session';

export async function partnerOrLogin(pw: PartnerWebContext, req: Request, res: Response): Promise<PartnerSession | undefined> {
  const session = await pw.sessions.read(req);
  if (session) return session;
  res.redirect(303, `/partner/login?return_to=${encodeURIComponent(req.originalUrl)}`);
  return undefined;
}

// Pages that need a freee sign-in: the session, or a redirect to freee's login that comes back to
// the same page.
import type { Request, Response } from 'express';
import type { WebContext } from './context';
import type { WebSession } from './session';

export async function sessionOrLogin(web: WebContext, req: Request, res: Response): Promise<WebSession | undefined> {
  const session = await web.sessions.read(req);
  if (session) return session;
  res.redirect(303, `/auth/freee/login?return_to=${encodeURIComponent(req.originalUrl)}`);
  return undefined;
}

export const isMobile = (req: Request): boolean => /iPhone|iPad|Android|Mobile/i.test(req.get('user-agent') ?? '');

// The signed-in LINE user of a page request, or a redirect to the login page that comes back here.

import type { Request, Response } from 'express';
import type { LineState, LineUser } from './state';

export function loginUrlFor(next: string): string {
  return `/login?${new URLSearchParams({ next }).toString()}`;
}

/** The signed-in user, or undefined after answering with a redirect to /login?next=<this page>. */
export function requireSignedIn(state: LineState, req: Request, res: Response): LineUser | undefined {
  const user = state.sessionUser(state.sessions.get(req));
  if (user !== undefined) return user;
  // A form post cannot be replayed after login: come back to the chat instead.
  res.redirect(303, loginUrlFor(req.method === 'GET' ? req.originalUrl : '/chat'));
  return undefined;
}

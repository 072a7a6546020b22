// The signed-in LINE user of a page request, or a redirect to the login page that comes back here
// (a form post comes back to the chat).

import type { Request, Response } from 'express';
import { requireSignedInOn } from '../harness/page-session';
import type { LineState, LineUser } from './state';

export { loginUrlFor } from '../harness/page-session';

/** The signed-in user, or undefined after answering with a redirect to /login?next=<this page>. */
export function requireSignedIn(state: LineState, req: Request, res: Response): LineUser | undefined {
  return requireSignedInOn(state, '/chat', req, res);
}

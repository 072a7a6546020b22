// The signed-in freee user of a page request, or a redirect to the login page that comes back.

import type { Request, Response } from 'express';
import type { FreeeUser } from './seed-schema';
import type { FreeeState } from './state';

export interface FreeeSignedIn {
  user: FreeeUser;
  companyId: number | undefined;
}

export function freeeLoginUrlFor(next: string): string {
  return `/login?${new URLSearchParams({ next }).toString()}`;
}

export function requireFreeeSignedIn(state: FreeeState, req: Request, res: Response): FreeeSignedIn | undefined {
  const signedIn = state.sessionUser(state.sessions.get(req));
  if (signedIn !== undefined) return signedIn;
  // A form post cannot be replayed after login: come back to the start page instead.
  res.redirect(303, freeeLoginUrlFor(req.method === 'GET' ? req.originalUrl : '/'));
  return undefined;
}

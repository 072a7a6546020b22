// The signed-in person of a page request, or a redirect to the login page that comes back here.

import type { Request, Response } from 'express';
import type { LineWorksState, Tenant, TenantUser } from './state';

export interface SignedIn {
  tenant: Tenant;
  user: TenantUser;
}

export function loginUrlFor(next: string): string {
  return `/login?${new URLSearchParams({ next }).toString()}`;
}

/** The signed-in person, or undefined after answering with a redirect to /login?next=<this page>. */
export function requireSignedIn(state: LineWorksState, req: Request, res: Response): SignedIn | undefined {
  const signedIn = state.sessionUser(state.sessions.get(req));
  if (signedIn !== undefined) return signedIn;
  // A form post cannot be replayed after login: come back to the start page instead.
  res.redirect(303, loginUrlFor(req.method === 'GET' ? req.originalUrl : '/'));
  return undefined;
}

// The signed-in person of a page request, or a redirect to the login page that comes back here
// (a form post comes back to the start page).

import type { Request, Response } from 'express';
import { requireSignedInOn } from '../harness/page-session';
import type { LineWorksState, Tenant, TenantUser } from './state';

export { loginUrlFor } from '../harness/page-session';

export interface SignedIn {
  tenant: Tenant;
  user: TenantUser;
}

/** The signed-in person, or undefined after answering with a redirect to /login?next=<this page>. */
export function requireSignedIn(state: LineWorksState, req: Request, res: Response): SignedIn | undefined {
  return requireSignedInOn(state, '/', req, res);
}

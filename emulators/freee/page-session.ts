// The signed-in freee user of a page request, or a redirect to the login page that comes back
// (a form post comes back to the start page).

import type { Request, Response } from 'express';
import { loginUrlFor, requireSignedInOn } from '../harness/page-session';
import type { FreeeUser } from './seed-schema';
import type { FreeeState } from './state';

export interface FreeeSignedIn {
  user: FreeeUser;
  companyId: number | undefined;
}

export const freeeLoginUrlFor = loginUrlFor;

export function requireFreeeSignedIn(state: FreeeState, req: Request, res: Response): FreeeSignedIn | undefined {
  return requireSignedInOn(state, '/', req, res);
}

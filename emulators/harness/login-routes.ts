// The parts of an emulator's sign-in pages that every provider shares: the login page opened with
// a `next` (kept only when it is a local path, else `/`), and `GET|POST /logout`, which ends the
// emulator session and returns to the login page. The login form itself stays per provider (its
// fields, its error and what the session holds differ).

import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { localPathOr } from './origin';
import type { SessionStore } from './sessions';
import { formValue } from './validate';

const nextQuerySchema = z.object({ next: formValue() });

/** `GET /login`: renders the provider's login page for the local `next` of the query. */
export function mountLoginPage(router: Router, render: (res: Response, page: { next: string }) => void): void {
  router.get('/login', (req, res) => {
    render(res, { next: localPathOr(nextQuerySchema.safeParse(req.query).data?.next, '/') });
  });
}

/** `GET|POST /logout`: ends the session and goes back to the login page. */
export function mountLogout<T extends object>(router: Router, sessions: SessionStore<T>): void {
  const logout = (req: Request, res: Response): void => {
    sessions.end(req, res);
    res.redirect(303, '/login');
  };
  router.post('/logout', logout);
  router.get('/logout', logout);
}

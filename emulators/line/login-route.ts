// The emulator's LINE sign-in pages: `GET /login`, `POST /login` (e-mail address or userId, and
// password; a wrong one re-renders the page with the Japanese error), `GET|POST /logout`, and the
// start page `/`.

import { Router } from 'express';
import { z } from 'zod';
import { mountLoginPage, mountLogout } from '../harness/login-routes';
import { localPathOr } from '../harness/origin';
import { formValue } from '../harness/validate';
import { sendHomePage } from './pages/home';
import { LOGIN_FAILED_MESSAGE, sendLoginPage } from './pages/login';
import type { LineState } from './state';

const loginFormSchema = z.object({ loginId: formValue(), password: formValue(), next: formValue() });

export function createLoginRouter(state: LineState): Router {
  const router = Router();

  router.get('/', (req, res) => {
    sendHomePage(res, state.sessionUser(state.sessions.get(req)), state.messagingChannel?.name);
  });

  mountLoginPage(router, sendLoginPage);

  router.post('/login', (req, res) => {
    const form = loginFormSchema.safeParse(req.body);
    const input = form.success ? form.data : { loginId: undefined, password: undefined, next: undefined };
    const next = localPathOr(input.next, '/');
    const user = input.loginId === undefined ? undefined : state.userForLogin(input.loginId);
    if (user === undefined || user.password !== input.password) {
      sendLoginPage(res, { next, loginId: input.loginId, error: LOGIN_FAILED_MESSAGE, status: 401 });
      return;
    }
    state.sessions.start(req, res, { userId: user.userId, authTime: Math.floor(Date.now() / 1000) });
    res.redirect(303, next);
  });

  mountLogout(router, state.sessions);

  return router;
}

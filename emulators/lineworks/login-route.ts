// The emulator's sign-in pages: `GET /login`, `POST /login` (ID = email or userId, and password;
// a wrong one re-renders the page with the Japanese error), `POST /logout`, and the start page `/`.

import { Router } from 'express';
import { z } from 'zod';
import { mountLoginPage, mountLogout } from '../harness/login-routes';
import { localPathOr } from '../harness/origin';
import { formValue } from '../harness/validate';
import { sendHomePage } from './pages/home';
import { LOGIN_FAILED_MESSAGE, sendLoginPage } from './pages/login';
import type { LineWorksState } from './state';

const loginFormSchema = z.object({ loginId: formValue(), password: formValue(), next: formValue() });

export function createLoginRouter(state: LineWorksState): Router {
  const router = Router();

  router.get('/', (req, res) => {
    sendHomePage(res, state.sessionUser(state.sessions.get(req)));
  });

  mountLoginPage(router, sendLoginPage);

  router.post('/login', (req, res) => {
    const form = loginFormSchema.safeParse(req.body);
    const input = form.success ? form.data : { loginId: undefined, password: undefined, next: undefined };
    const next = localPathOr(input.next, '/');
    const candidates = input.loginId === undefined ? [] : state.usersForLogin(input.loginId);
    const matching = candidates.filter((candidate) => candidate.user.password === input.password);
    const [only] = matching;
    if (only === undefined || matching.length > 1) {
      const error = matching.length > 1 ? 'このIDは複数のドメインに存在します。メールアドレスでログインしてください。' : LOGIN_FAILED_MESSAGE;
      sendLoginPage(res, { next, loginId: input.loginId, error, status: 401 });
      return;
    }
    state.sessions.start(req, res, { tenantId: only.tenant.tenantId, userId: only.user.userId });
    res.redirect(303, next);
  });

  mountLogout(router, state.sessions);

  return router;
}

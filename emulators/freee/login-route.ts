// freee's sign-in pages and the 事業所 switch: `GET|POST /login`, `POST /logout`, the start page
// `/`, and `GET|POST /companies/switch` (lists the user's companies; choosing one makes it the
// session's current company, which authorize then proposes; `return_to` comes back afterwards).

import { Router } from 'express';
import { z } from 'zod';
import { safeHref } from '../../api/pages/html';
import { mountLoginPage, mountLogout } from '../harness/login-routes';
import { localPathOr } from '../harness/origin';
import { formValue } from '../harness/validate';
import { requireFreeeSignedIn } from './page-session';
import { sendCompanySwitchPage } from './pages/companies';
import { sendFreeeHomePage } from './pages/home';
import { sendFreeeMessagePage } from './pages/layout';
import { FREEE_LOGIN_FAILED_MESSAGE, sendFreeeLoginPage } from './pages/login';
import type { FreeeState } from './state';

const loginFormSchema = z.object({ email: formValue(), password: formValue(), next: formValue() });
const switchQuerySchema = z.object({ return_to: formValue(), switched: formValue() });
const switchFormSchema = z.object({ company_id: z.coerce.number().int().positive(), return_to: formValue() });

export function createFreeeLoginRouter(state: FreeeState): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const signedIn = state.sessionUser(state.sessions.get(req));
    sendFreeeHomePage(
      res,
      signedIn === undefined ? undefined : { user: signedIn.user, companyName: signedIn.companyId === undefined ? undefined : state.companyName(signedIn.companyId) },
    );
  });

  mountLoginPage(router, sendFreeeLoginPage);

  router.post('/login', (req, res) => {
    const form = loginFormSchema.safeParse(req.body).data;
    const next = localPathOr(form?.next, '/');
    const user = form?.email === undefined ? undefined : state.userByEmail(form.email);
    if (user === undefined || user.password !== form?.password) {
      sendFreeeLoginPage(res, { next, email: form?.email, error: FREEE_LOGIN_FAILED_MESSAGE, status: 401 });
      return;
    }
    state.sessions.start(req, res, { userId: user.id, companyId: user.companies[0]?.id });
    res.redirect(303, next);
  });

  mountLogout(router, state.sessions);

  router.get('/companies/switch', (req, res) => {
    const signedIn = requireFreeeSignedIn(state, req, res);
    if (signedIn === undefined) return;
    const query = switchQuerySchema.safeParse(req.query).data;
    const switched = query?.switched === undefined ? undefined : Number(query.switched);
    sendCompanySwitchPage(res, {
      companies: signedIn.user.companies.map((membership) => ({ id: membership.id, name: state.companyName(membership.id), role: membership.role })),
      currentId: signedIn.companyId,
      returnTo: query?.return_to,
      notice: switched === signedIn.companyId && switched !== undefined ? `事業所を「${state.companyName(switched)}」に切り替えました。` : undefined,
    });
  });

  router.post('/companies/switch', (req, res) => {
    const signedIn = requireFreeeSignedIn(state, req, res);
    if (signedIn === undefined) return;
    const form = switchFormSchema.safeParse(req.body);
    if (!form.success || !signedIn.user.companies.some((membership) => membership.id === form.data.company_id)) {
      sendFreeeMessagePage(res, 400, '事業所を切り替えられません', 'この事業所には所属していません。', [{ href: '/companies/switch', label: '戻る' }]);
      return;
    }
    state.sessions.update(req, { userId: signedIn.user.id, companyId: form.data.company_id });
    const back = form.data.return_to === undefined ? undefined : safeHref(form.data.return_to);
    res.redirect(303, back ?? `/companies/switch?${new URLSearchParams({ switched: String(form.data.company_id) }).toString()}`);
  });

  return router;
}

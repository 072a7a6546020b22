// ログイン (docs/flows/lansmart-line.md, ログイン ①): 「LINEでログイン」 (CSRF-bound to this browser) goes to LINE Login
// carrying where to come back to; a partner already signed in sees who they are and ログアウト.
// `POST /partner/logout` (same origin, CSRF of the session) ends the partner session.
import { Router } from 'express';
import { z } from 'zod';
import { fromSameOrigin, type BrowserCsrf } from '../web/csrf';
import type { PartnerWebContext } from './context';
import { formBody } from '../edge/form-body';
import { lineAuthorizeUrl } from './line-login-start';
import { refusePartnerForm } from './page-handler';
import { partnerReturnTo } from '../web/context';
import { PARTNER_SAFE_PAGE, pageContext } from '../web/page-context';
import { loginPage, signedInPage } from './pages/login-page';
import { LOGIN_RETRY, loginRetry, PartnerSignInError, sendFailure } from '../web/error-pages';

const LOGIN_FORM = 'login';
/** The CSRF form name of ログアウト, for every page that offers it (sessions.csrfToken(session, LOGOUT_FORM)). */
export const LOGOUT_FORM = 'logout';

const loginQuery = z.object({ return_to: z.unknown().optional(), logged_out: z.unknown().optional() });
const loginForm = z.object({ return_to: z.unknown().optional(), csrf: z.unknown().optional() });
const logoutForm = z.object({ csrf: z.unknown().optional() });

export function loginRouter(pw: PartnerWebContext, csrf: BrowserCsrf): Router {
  const router = Router();
  const form = formBody({ limit: '4kb', parameterLimit: 10 }, refusePartnerForm);

  router.get('/partner/login', async (req, res) => {
    const query = loginQuery.parse(req.query);
    const session = await pw.sessions.read(req);
    if (session && query.return_to !== undefined) {
      res.redirect(303, partnerReturnTo(query.return_to));
      return;
    }
    const ctx = pageContext(req, res, PARTNER_SAFE_PAGE);
    if (session) {
      res.type('html').send(signedInPage(ctx, { displayName: session.displayName || session.partnerId, logoutCsrf: pw.sessions.csrfToken(session, LOGOUT_FORM) }));
      return;
    }
    res.type('html').send(loginPage(ctx, { csrf: csrf.token(req, res, LOGIN_FORM), returnTo: partnerReturnTo(query.return_to), loggedOut: query.logged_out === '1' }));
  });

  router.post('/partner/login', form, async (req, res) => {
    const body = loginForm.parse(req.body ?? {});
    const returnTo = partnerReturnTo(body.return_to);
    try {
      if (!csrf.valid(req, LOGIN_FORM, body.csrf)) throw new PartnerSignInError('FORM_EXPIRED', 'the login form’s CSRF token does not match');
      res.redirect(303, await lineAuthorizeUrl(pw, req, res, 'line_login', { returnTo }));
    } catch (err) {
      sendFailure(req, res, err, 'sign-in', loginRetry(returnTo));
    }
  });

  router.post('/partner/logout', form, async (req, res) => {
    const session = await pw.sessions.read(req);
    if (!session) {
      res.redirect(303, '/partner/login');
      return;
    }
    if (!fromSameOrigin(req, pw.publicUrl)) {
      sendFailure(req, res, new PartnerSignInError('FORM_EXPIRED', 'the logout came from another site'), 'sign-in', LOGIN_RETRY);
      return;
    }
    if (!pw.sessions.csrfValid(session, LOGOUT_FORM, logoutForm.parse(req.body ?? {}).csrf)) {
      sendFailure(req, res, new PartnerSignInError('FORM_EXPIRED', 'the logout form’s CSRF token does not match'), 'sign-in', LOGIN_RETRY);
      return;
    }
    pw.sessions.clear(res);
    res.redirect(303, '/partner/login?logged_out=1');
  });

  return router;
}

// Signing in with freee (OAuth 2.0, company selection, PKCE): the pages know who the person is in
// freee and which business (事業所) they act for. Tokens are sealed in Mongo; the session cookie
// holds identifiers only. Sign-out is same-origin and CSRF-checked.
import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '../errors';
import { AuthRejectedError } from '../../providers/http-errors';
import { safeReturnTo, type WebContext } from '../web/context';
import { sendErrorPage } from '../web/error-pages';
import { StateError } from '../web/oauth-states';
import { fromSameOrigin } from '../web/csrf';

/** The CSRF form name of sign-out (web.sessions.csrfToken(session, LOGOUT_FORM)). */
export const LOGOUT_FORM = 'logout';
const logoutForm = z.object({ csrf: z.string().max(200).optional() });

/** freee's return: the state (checked by OAuthStates), and a code or an error. */
const callbackQuery = z.object({ state: z.unknown(), code: z.string().min(1).max(2000).optional(), error: z.string().max(100).optional() });

export function freeeAuthRouter(web: WebContext): Router {
  const router = Router();
  const callbackUrl = web.url('/auth/freee/callback');

  router.get('/auth/freee/login', async (req, res) => {
    const issued = await web.states.issue(req, res, 'freee_login', { returnTo: safeReturnTo(req.query.return_to) });
    res.redirect(303, web.freeeOAuth.authorizeUrl({ redirectUri: callbackUrl, state: issued.state, codeChallenge: issued.codeChallenge }));
  });

  router.get('/auth/freee/callback', async (req, res) => {
    const parsed = callbackQuery.safeParse(req.query);
    const query = parsed.success ? parsed.data : { state: req.query.state };
    let flow;
    try {
      flow = await web.states.consume(req, query.state, 'freee_login');
    } catch (err) {
      if (err instanceof StateError) {
        sendErrorPage(req, res, { page: 'link', code: 'STATE_EXPIRED' });
        return;
      }
      throw err;
    }
    if (query.code === undefined) {
      // The person chose not to allow (error=access_denied) or freee refused the request.
      sendErrorPage(req, res, { page: 'link', code: 'FREEE_LOGIN_INCOMPLETE' });
      return;
    }
    try {
      const tokens = await web.freeeOAuth.exchangeCode({ code: query.code, redirectUri: callbackUrl, codeVerifier: flow.codeVerifier });
      const me = await web.freeeApi.usersMe(tokens.accessToken);
      const companyId = tokens.companyId ?? me.companies[0]?.id;
      const company = me.companies.find((c) => c.id === companyId);
      if (!companyId || !company) throw new AuthRejectedError('freee', 'no business was chosen at consent');
      await web.freeeTokens.save(me.id, companyId, tokens);
      await web.sessions.write(res, {
        freeeUserId: me.id,
        companyId,
        companyName: company.displayName,
        role: company.role,
        displayName: me.displayName ?? me.email ?? me.id,
        companyIds: me.companies.slice(0, 50).map((c) => c.id),
        sid: randomUUID(),
      });
      res.redirect(303, flow.data.returnTo ?? '/settings/notifications');
    } catch (err) {
      req.log.warn({ err }, 'freee sign-in failed');
      // A code freee refuses (spent, or from another sign-in) is the person's to retry: a 400.
      if (err instanceof AuthRejectedError && err.code === 'invalid_grant') return sendErrorPage(req, res, { page: 'link', code: 'FREEE_AUTH_FAILED' });
      sendErrorPage(req, res, { page: 'link', code: err instanceof AuthRejectedError ? 'FREEE_REFUSED' : 'OUTAGE' });
    }
  });

  // Signing out changes state: only renkei's own pages may ask (same origin), with the session's
  // CSRF token (form field `csrf` or header X-CSRF-Token).
  router.post('/auth/logout', express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }), async (req, res) => {
    if (!fromSameOrigin(req, web.publicUrl)) throw new HttpError(403, 'cross_origin', 'Sign-out is accepted only from renkei’s own pages.');
    const session = await web.sessions.read(req);
    if (session) {
      const given = logoutForm.safeParse(req.body ?? {}).data?.csrf ?? req.get('x-csrf-token');
      if (!web.sessions.csrfValid(session, LOGOUT_FORM, given)) throw new HttpError(403, 'csrf_invalid', 'The sign-out form’s CSRF token is missing or wrong.');
    }
    web.sessions.clear(res);
    res.redirect(303, '/');
  });
  return router;
}

// The LINE WORKS login of every ID-link, after the freee login and before 「連携を開始しますか?」: the
// talk room's link is a bearer ticket that anyone it is forwarded to could open, so renkei links only
// the LINE WORKS account that proves it is at the keyboard. renkei runs LINE WORKS User Account auth
// with OpenID Connect — signed single-use state bound to this browser, nonce, PKCE S256, the exact
// registered redirect URI — and accepts the ID-link only for the verified account the ID-link
// started from (the talk room's account). On a phone (【従業員】ID連携設定(モバイル版), docs/flows/freee-lineworks.md) the
// person logs in with the account to link (`prompt=login`); on a desktop the browser that shows the
// talk room is signed in to LINE WORKS already, and LINE WORKS answers from that session. The
// tokens end inside the LINE WORKS login client; only the verified account continues.
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { LineWorksLoginError } from '../lineworks-login/errors';
import type { WebContext } from '../web/context';
import { sendErrorPage, sendFailure, type LinkErrorActions } from '../web/error-pages';
import { isMobile } from '../web/page-context';

/** Marks an ID-link whose LINE WORKS account was verified by the LINE WORKS login. */
const VERIFIED = 'lineworks_oidc';

/** The consent step's data needs a LINE WORKS login first: an ID-link whose account is not verified yet (every device). */
export const needsLineWorksLogin = (data: Record<string, string>): boolean => data.action === 'link' && data.worksAccountVerified !== VERIFIED;

export const lineWorksLoginUrl = (consentState: string): string => `/auth/lineworks/login?s=${encodeURIComponent(consentState)}`;

const callbackQuery = z.object({
  code: z.string().min(1).max(2000).optional(),
  error: z.string().min(1).max(100).optional(),
});

/** What LINE WORKS's `error` answer at the redirect URI means for the person. */
function authorizeError(error: string): LineWorksLoginError {
  if (error === 'access_denied') return new LineWorksLoginError('denied', 'the person did not allow the LINE WORKS login');
  if (error === 'server_error' || error === 'temporarily_unavailable') return new LineWorksLoginError('unavailable', `LINE WORKS authorize answered ${error}`);
  return new LineWorksLoginError('request_rejected', `LINE WORKS authorize answered ${error}`);
}

/** `actions`: the ways forward of its error pages (back to the talk room the ID-link started from). */
export function lineWorksLoginRouter(web: WebContext, actions: LinkErrorActions): Router {
  const router = Router();

  // From 「連携を開始しますか?」 before it is shown: the consent step is exchanged for a LINE WORKS login.
  router.get('/auth/lineworks/login', async (req, res) => {
    const session = await web.sessions.readOrLogin(req, res);
    if (!session) return;
    try {
      const { data } = await web.states.consume(req, req.query.s, 'employee_consent');
      const { worksAccountVerified: _previous, ...ticket } = data;
      const nonce = randomBytes(24).toString('base64url');
      const issued = await web.states.issue(req, res, 'lineworks_login', { ...ticket, nonce });
      // A phone logs in with the account to link, as the help page shows; a desktop uses its session.
      res.redirect(303, await web.lineWorksLogin.authorizeUrl({ state: issued.state, nonce, codeChallenge: issued.codeChallenge, forceLogin: isMobile(req) }));
    } catch (err) {
      sendFailure(req, res, err, 'link', actions);
    }
  });

  // LINE WORKS sends the person back here with a code (or an error) and the state.
  router.get('/auth/lineworks/callback', async (req, res) => {
    try {
      const flow = await web.states.consume(req, req.query.state, 'lineworks_login');
      const query = callbackQuery.safeParse(req.query);
      if (!query.success) throw new LineWorksLoginError('request_rejected', 'LINE WORKS sent an unreadable answer');
      if (query.data.error) throw authorizeError(query.data.error);
      if (!query.data.code) throw new LineWorksLoginError('request_rejected', 'LINE WORKS sent neither a code nor an error');
      const { nonce = '', ...ticket } = flow.data;
      const account = await web.lineWorksLogin.login({ code: query.data.code, state: typeof req.query.state === 'string' ? req.query.state : '', codeVerifier: flow.codeVerifier, nonce });
      if (account.userId !== ticket.worksUserId || account.domainId !== ticket.worksTenantId) {
        req.log.warn('the LINE WORKS login is another account than the talk room that started the ID-link');
        sendErrorPage(req, res, { page: 'link', code: 'WORKS_ACCOUNT_MISMATCH', actions: actions('WORKS_ACCOUNT_MISMATCH') });
        return;
      }
      const issued = await web.states.issue(req, res, 'employee_consent', { ...ticket, worksAccountVerified: VERIFIED });
      res.redirect(303, `/link/consent?s=${encodeURIComponent(issued.state)}`);
    } catch (err) {
      sendFailure(req, res, err, 'link', actions);
    }
  });
  return router;
}

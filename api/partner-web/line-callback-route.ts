// `GET /auth/line/callback`, the redirect URI registered on the LINE Login channel, for both ユーザー
// 登録 and ログイン: the state is consumed once (signed, this browser's, unexpired), LINE's own
// error answers are told apart (the partner cancelled, LINE is down, anything else), then
// line-sign-in.ts links and opens the session. Registration records its three agreements and
// continues at 基本情報登録; login at the page the partner came for (while the partner has not
// registered: the three agreements first, then 基本情報登録).
import { Router } from 'express';
import { z } from 'zod';
import { OAuthState } from '../../models/oauth-state';
import type { TokenCipher } from '../../security/token-cipher';
import { StateError } from '../web/oauth-states';
import type { PartnerWebContext } from './context';
import { LINE_SIGN_IN_PURPOSES, type LineSignInPurpose } from './line-login-start';
import { signInWithLine, type LineSignInFlow } from './line-sign-in';
import { partnerReturnTo } from '../web/context';
import { CONSENT_STEP_PATH } from './pages/registration-page';
import { hasAllConsents, recordAllConsents } from './registration-consents';
import { PartnerSignInError, LOGIN_RETRY, loginRetry, registerRetry, sendFailure, type SignInRetry } from '../web/error-pages';

export const BASIC_INFO_PATH = '/partner/register/basic-info';

/** When the registration page's agreements were given (carried in the state), else now. */
function consentTime(value: string | undefined): Date {
  const at = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(at) ? new Date() : new Date(at);
}

export const lineCallbackQuery = z.object({
  state: z.string().min(1).max(500).optional(),
  code: z.string().min(1).max(2000).optional(),
  error: z.string().min(1).max(100).optional(),
  friendship_status_changed: z.enum(['true', 'false']).optional(),
});

/** What LINE's `error` answer at the redirect URI means for the partner. */
function authorizeError(error: string): PartnerSignInError {
  if (error === 'access_denied') return new PartnerSignInError('LINE_LOGIN_CANCELLED', 'the partner did not allow the LINE login');
  if (error === 'server_error' || error === 'temporarily_unavailable') return new PartnerSignInError('TRANSIENT', `LINE authorize answered ${error}`);
  return new PartnerSignInError('LINE_AUTH_FAILED', `LINE authorize answered ${error}`);
}

const retryOf = (purpose: LineSignInPurpose | undefined, data: Record<string, string> | undefined): SignInRetry => {
  if (purpose === 'line_register' && data?.invitation) return registerRetry(data.invitation);
  if (purpose === 'line_login' && data) return loginRetry(partnerReturnTo(data.returnTo));
  return purpose === 'line_register' ? { ...LOGIN_RETRY, flow: 'register' } : LOGIN_RETRY;
};

export function lineCallbackRouter(pw: PartnerWebContext, cipher: TokenCipher): Router {
  const router = Router();

  /** Which of the two flows a state belongs to (a forged or unknown one is refused as invalid). */
  async function purposeOf(state: string | undefined): Promise<LineSignInPurpose> {
    if (state === undefined) throw new StateError('invalid');
    const doc = await OAuthState.findById(pw.states.stateId(state), { purpose: 1 }).lean();
    const purpose = LINE_SIGN_IN_PURPOSES.find((p) => p === doc?.purpose);
    if (!purpose) throw new StateError('invalid');
    return purpose;
  }

  router.get('/auth/line/callback', async (req, res) => {
    const parsed = lineCallbackQuery.safeParse(req.query);
    const query = parsed.success ? parsed.data : {};
    let purpose: LineSignInPurpose | undefined;
    let retry: SignInRetry = LOGIN_RETRY;
    try {
      purpose = await purposeOf(query.state);
      retry = retryOf(purpose, undefined);
      const flowState = await pw.states.consume(req, query.state, purpose);
      retry = retryOf(purpose, flowState.data);
      if (!parsed.success) throw new PartnerSignInError('LINE_AUTH_FAILED', 'LINE sent an unreadable answer');
      if (query.error) throw authorizeError(query.error);
      if (!query.code) throw new PartnerSignInError('LINE_AUTH_FAILED', 'LINE sent neither a code nor an error');
      const { nonce = '', partnerId = '' } = flowState.data;
      const flow: LineSignInFlow = purpose === 'line_register' ? { kind: 'register', partnerId } : { kind: 'login' };
      const signedIn = await signInWithLine(
        pw,
        cipher,
        res,
        {
          flow,
          code: query.code,
          state: query.state ?? '',
          codeVerifier: flowState.codeVerifier,
          nonce,
          friendshipChanged: query.friendship_status_changed === 'true',
          stateId: pw.states.stateId(query.state ?? ''),
        },
        req.log,
      );
      req.log.info({ partnerId: signedIn.partner.partnerId, flow: flow.kind, friend: signedIn.friend, alreadyLinked: signedIn.alreadyLinked }, 'partner signed in with LINE');
      // The three agreements of the registration page are recorded now that LINE said who this is; a
      // login before registration goes to them first (consent-step-routes.ts).
      if (flow.kind === 'register') await recordAllConsents(signedIn.partner.partnerId, consentTime(flowState.data.consentedAt), 'register');
      const next = signedIn.partner.registered && flow.kind === 'login' ? partnerReturnTo(flowState.data.returnTo) : (await hasAllConsents(signedIn.partner.partnerId)) ? BASIC_INFO_PATH : CONSENT_STEP_PATH;
      res.redirect(303, next);
    } catch (err) {
      if (err instanceof StateError && err.data) retry = retryOf(purpose, err.data);
      sendFailure(req, res, err, 'sign-in', retry);
    }
  });

  return router;
}

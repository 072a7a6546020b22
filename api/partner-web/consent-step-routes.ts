// The consent step of a partner who is signed in but not registered yet (docs/flows/lansmart-line.md,
// ユーザー登録 ①): an invited partner who tapped 「LINEでログイン」 instead of registering agrees to
// 利用規約, プライバシーポリシー and 下請取引における電磁的記録の提供 here before 基本情報登録, so no
// path registers a partner without the three agreements recorded (registration-consents.ts). A post
// without all three comes back to the page by redirect (post → redirect → get), with the boxes as
// ticked and the message shown once (form-flash.ts).
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PlatformPartner } from '../../providers/lansmart/platform-client';
import { formBody } from '../edge/form-body';
import { pageContext } from '../web/page-context';
import type { PartnerSession } from '../web/session';
import type { PartnerWebContext } from './context';
import { BASIC_INFO_PATH } from './line-callback-route';
import { refusePartnerForm } from './page-handler';
import { CONSENT_STEP_PATH, registrationPage } from './pages/registration-page';
import { allConsented, CONSENTS, hasAllConsents, recordAllConsents, tickedConsents, type Consent } from './registration-consents';
import { PartnerSignInError, sendFailure, type SignInRetry } from '../web/error-pages';
import { keepFlash, takeFlash } from '../web/form-flash';

const CONSENT_FORM = 'registration-consents';
const RETRY: SignInRetry = { flow: 'register', retry: 'login', retryHref: CONSENT_STEP_PATH };
const postedForm = z.object({ csrf: z.unknown().optional(), consent: z.unknown().optional() });
/** What the page shows once after a post without all three: the boxes that were ticked. */
const consentFlash = z.object({ ticked: z.array(z.enum(CONSENTS)).max(CONSENTS.length) });

/** A partner the platform has not registered yet, who has not agreed to the current three. */
export async function needsConsents(partner: PlatformPartner): Promise<boolean> {
  return !partner.registered && !(await hasAllConsents(partner.partnerId));
}

export function consentStepRouter(pw: PartnerWebContext): Router {
  const router = Router();
  const form = formBody({ limit: '4kb', parameterLimit: 10 }, refusePartnerForm);

  async function partnerOf(session: PartnerSession): Promise<PlatformPartner> {
    const partner = await pw.platform.getPartner(session.partnerId);
    if (!partner) throw new PartnerSignInError('UNEXPECTED', 'the signed-in partner is unknown to the platform');
    return partner;
  }

  function render(req: Request, res: Response, session: PartnerSession, partner: PlatformPartner, status: number, ticked: Set<Consent>, consentMissing: boolean): void {
    res
      .status(status)
      .type('html')
      .send(registrationPage(pageContext(req, res, CONSENT_STEP_PATH), { email: partner.email, csrf: pw.sessions.csrfToken(session, CONSENT_FORM), ticked, consentMissing }));
  }

  router.get(CONSENT_STEP_PATH, async (req, res) => {
    const session = await pw.sessions.readOrLogin(req, res);
    if (!session) return;
    try {
      const partner = await partnerOf(session);
      if (!(await needsConsents(partner))) {
        res.redirect(303, partner.registered ? '/partner' : BASIC_INFO_PATH);
        return;
      }
      const flash = await takeFlash(session.sid, CONSENT_FORM, consentFlash);
      render(req, res, session, partner, 200, new Set(flash?.ticked ?? []), flash !== undefined);
    } catch (err) {
      sendFailure(req, res, err, 'sign-in', RETRY);
    }
  });

  router.post(CONSENT_STEP_PATH, form, async (req, res) => {
    const session = await pw.sessions.readOrLogin(req, res);
    if (!session) return;
    const body = postedForm.safeParse(req.body ?? {});
    const posted = body.success ? body.data : {};
    try {
      if (!pw.sessions.csrfValid(session, CONSENT_FORM, posted.csrf)) throw new PartnerSignInError('FORM_EXPIRED', 'the consent form’s CSRF token does not match');
      const partner = await partnerOf(session);
      const ticked = tickedConsents(posted.consent);
      if (!allConsented(ticked)) {
        await keepFlash(session.sid, CONSENT_FORM, { ticked: [...ticked] });
        res.redirect(303, CONSENT_STEP_PATH);
        return;
      }
      await recordAllConsents(partner.partnerId, new Date(), 'login');
      req.log.info({ partnerId: partner.partnerId }, 'the partner agreed to the registration consents after logging in');
      res.redirect(303, BASIC_INFO_PATH);
    } catch (err) {
      sendFailure(req, res, err, 'sign-in', RETRY);
    }
  });

  return router;
}

// 基本情報登録 → 基本情報登録完了 (docs/flows/lansmart-line.md ⑤⑥), for the signed-in partner: the platform's fields
// (filled with what the platform has), checked here field by field, sent with putBasicInfo — which
// completes ユーザー登録 in the platform — then the completion page (post → redirect → get, so a
// reload does not send the form again; a mistake, or the platform's refusal, comes back to the form
// the same way, with what was typed shown once, form-flash.ts).
import { Router, type Request, type Response } from 'express';
import { formBody } from '../edge/form-body';
import { ProviderRejectedError } from '../../providers/http-errors';
import type { PartnerWebContext } from './context';
import { basicInfoValues, checkBasicInfo, BASIC_INFO_FIELDS, type BasicInfoField, type BasicInfoProblems } from './basic-info-form';
import { LOGOUT_FORM } from './login-routes';
import { refusePartnerForm } from './page-handler';
import { PARTNER_SAFE_PAGE, pageContext } from '../web/page-context';
import { basicInfoDonePage, basicInfoPage } from './pages/basic-info-page';
import type { PartnerSession } from '../web/session';
import { needsConsents } from './consent-step-routes';
import { CONSENT_STEP_PATH } from './pages/registration-page';
import { PartnerSignInError, sendFailure, type SignInRetry } from '../web/error-pages';
import { keepFlash, takeFlash } from '../web/form-flash';
import { basicInfoFlash, type BasicInfoFlash } from './basic-info-flash';

const BASIC_INFO_FORM = 'basic-info';
const FORM_PATH = '/partner/register/basic-info';
const DONE_PATH = '/partner/register/complete';
const RETRY: SignInRetry = { flow: 'register', retry: 'login', retryHref: FORM_PATH };

export function basicInfoRouter(pw: PartnerWebContext): Router {
  const router = Router();
  const form = formBody({ limit: '8kb', parameterLimit: 20 }, refusePartnerForm);

  function render(
    req: Request,
    res: Response,
    session: PartnerSession,
    status: number,
    v: { values: Record<BasicInfoField, string>; problems?: BasicInfoProblems; platformRejected?: boolean },
  ): void {
    res
      .status(status)
      .type('html')
      .send(
        basicInfoPage(pageContext(req, res, FORM_PATH), {
          values: v.values,
          problems: v.problems ?? {},
          platformRejected: v.platformRejected ?? false,
          csrf: pw.sessions.csrfToken(session, BASIC_INFO_FORM),
        }),
      );
  }

  router.get(FORM_PATH, async (req, res) => {
    const session = await pw.sessions.readOrLogin(req, res);
    if (!session) return;
    try {
      const partner = await pw.platform.getPartner(session.partnerId);
      if (!partner) throw new PartnerSignInError('UNEXPECTED', 'the signed-in partner is unknown to the platform');
      if (await needsConsents(partner)) {
        res.redirect(303, CONSENT_STEP_PATH);
        return;
      }
      // Back from a post that did not go through: what was typed, with its problems or the platform's refusal.
      const flash = await takeFlash(session.sid, BASIC_INFO_FORM, basicInfoFlash);
      if (flash) {
        const checked = checkBasicInfo(flash.values);
        render(req, res, session, 200, { values: flash.values, ...(flash.platformRejected ? { platformRejected: true } : checked.ok ? {} : { problems: checked.problems }) });
        return;
      }
      const known = partner.basicInfo ?? { name: partner.name ?? '' };
      const values = Object.fromEntries(BASIC_INFO_FIELDS.map((f) => [f, (known as Partial<Record<BasicInfoField, string>>)[f] ?? ''])) as Record<BasicInfoField, string>;
      render(req, res, session, 200, { values });
    } catch (err) {
      sendFailure(req, res, err, 'sign-in', RETRY);
    }
  });

  router.post(FORM_PATH, form, async (req, res) => {
    const session = await pw.sessions.readOrLogin(req, res);
    if (!session) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!pw.sessions.csrfValid(session, BASIC_INFO_FORM, body.csrf)) {
      sendFailure(req, res, new PartnerSignInError('FORM_EXPIRED', 'the basic-info form’s CSRF token does not match'), 'sign-in', RETRY);
      return;
    }
    const values = basicInfoValues(body);
    const back = async (flash: BasicInfoFlash): Promise<void> => {
      await keepFlash(session.sid, BASIC_INFO_FORM, flash);
      res.redirect(303, FORM_PATH);
    };
    const checked = checkBasicInfo(values);
    if (!checked.ok) {
      try {
        await back({ values });
      } catch (err) {
        sendFailure(req, res, err, 'sign-in', RETRY);
      }
      return;
    }
    try {
      // putBasicInfo registers the partner: never without the three agreements recorded.
      const partner = await pw.platform.getPartner(session.partnerId);
      if (!partner) throw new PartnerSignInError('UNEXPECTED', 'the signed-in partner is unknown to the platform');
      if (await needsConsents(partner)) {
        res.redirect(303, CONSENT_STEP_PATH);
        return;
      }
      await pw.platform.putBasicInfo(session.partnerId, checked.info);
    } catch (err) {
      if (err instanceof ProviderRejectedError && err.status === 400) {
        req.log.info({ reason: err.message }, 'the platform refused the basic information');
        await back({ values, platformRejected: true }).catch((e: unknown) => sendFailure(req, res, e, 'sign-in', RETRY));
        return;
      }
      sendFailure(req, res, err, 'sign-in', RETRY);
      return;
    }
    res.redirect(303, DONE_PATH);
  });

  router.get(DONE_PATH, async (req, res) => {
    const session = await pw.sessions.readOrLogin(req, res);
    if (!session) return;
    try {
      const partner = await pw.platform.getPartner(session.partnerId);
      if (!partner?.registered) {
        res.redirect(303, FORM_PATH);
        return;
      }
      const line = await pw.partners.lineStatus(session.partnerId);
      res.type('html').send(
        basicInfoDonePage(pageContext(req, res, PARTNER_SAFE_PAGE), {
          friend: line?.status === 'linked' && line.friend && !line.blocked,
          logoutCsrf: pw.sessions.csrfToken(session, LOGOUT_FORM),
        }),
      );
    } catch (err) {
      sendFailure(req, res, err, 'sign-in', RETRY);
    }
  });

  return router;
}

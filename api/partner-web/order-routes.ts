// 「発注書を確認してください」 opens /partner/orders/:orderId: while the order waits for approval
// and the platform has no 口座情報 or 基本情報 for the partner, their forms come first (saved on
// the platform); then the order's contents → [承認する] → 最終確認 [実行する] → the approval as an
// update of the order workflow, answered once the platform has recorded it. A 口座情報 or 基本情報
// with a mistake (or refused by the platform) comes back to the order page by redirect (post →
// redirect → get) with what was typed, shown once (form-flash.ts).
import { Router } from 'express';
import { missingForApproval, missingPartnerInfo } from '../../common/orders/approval-rule';
import { refusePartnerAction } from '../../common/orders/transitions';
import { approvalChecks } from '../lansmart/approval-checks';
import { ProviderRejectedError } from '../../providers/http-errors';
import type { PartnerBankAccount, PartnerBasicInfo } from '../../providers/lansmart/platform-client';
import type { PageContext } from '../pages/locale';
import { basicInfoValues, checkBasicInfo, type BasicInfoProblem } from './basic-info-form';
import type { PartnerWebContext } from './context';
import { needsConsents } from './consent-step-routes';
import { orderContext } from './order-context';
import { CONSENT_STEP_PATH } from './pages/registration-page';
import { approveOp, bankAccountForm, fieldErrorsOf, type FieldProblem } from './form-schemas';
import { formBodyOf, formString, type FormBody } from '../edge/form-body';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { sendErrorPage } from '../web/error-pages';
import { keepFlash, takeFlash } from '../web/form-flash';
import { z } from 'zod';
import { BASIC_INFO_TEXT } from './pages/basic-info-catalogue';
import { approveConfirmPage, approvedPage, bankAccountPage, basicInfoPage, orderPage, type InfoForm } from './pages/order-pages';
import { donePath, orderPaths } from './partner-order';
import { sendStepRefusal, takeStep } from './step';

const BANK_FIELDS = ['bankName', 'branchName', 'accountType', 'accountNumber', 'accountHolderKana'] as const;

const approveForm = (orderId: string) => `approve:${orderId}`;
const infoForm = (orderId: string) => `partner-info:${orderId}`;
type InfoKind = 'bank_account' | 'basic_info';
const infoFlashForm = (orderId: string, kind: InfoKind) => `${infoForm(orderId)}:${kind}`;
/** What 口座情報 or 基本情報 shows once after a post that did not go through: the values as typed, whether the platform refused them. */
const infoFlash = z.object({ values: z.record(z.string().max(40), z.string().max(1000)), platformRejected: z.boolean().optional() });
type InfoFlash = z.infer<typeof infoFlash>;

/** The form again from a flash: the values, each field's problem checked again, or the platform's refusal. */
function formFromFlash<T, P>(ctx: PageContext, flash: InfoFlash, check: (body: FormBody) => InfoCheck<T, P>): InfoForm<P> {
  if (flash.platformRejected) return { values: flash.values, errors: {}, alert: BASIC_INFO_TEXT[ctx.locale].platformRejected };
  const checked = check(flash.values);
  return { values: checked.values, errors: checked.ok ? {} : checked.errors };
}

/** A posted 口座情報 or 基本情報: the values to show again, and what to save or each field's problem. */
type InfoCheck<T, P> = { values: Record<string, string> } & ({ ok: true; value: T } | { ok: false; errors: Partial<Record<string, P>> });

function checkBankAccount(body: FormBody): InfoCheck<PartnerBankAccount, FieldProblem> {
  const values = Object.fromEntries(BANK_FIELDS.map((n) => [n, formString(body, n) ?? '']));
  const parsed = bankAccountForm.safeParse(values);
  return parsed.success ? { values, ok: true, value: parsed.data } : { values, ok: false, errors: fieldErrorsOf(parsed.error) };
}

/** The same rules as 基本情報登録 (basic-info-form.ts). */
function checkBasicInfoForm(body: FormBody): InfoCheck<PartnerBasicInfo, BasicInfoProblem> {
  const values = basicInfoValues(body);
  const checked = checkBasicInfo(values);
  return checked.ok ? { values, ok: true, value: checked.info } : { values, ok: false, errors: checked.problems };
}

export function orderRoutes(pw: PartnerWebContext): Router {
  const router = Router();

  router.get(
    '/partner/orders/:orderId',
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res);
      if (!c) return;
      const { session, order } = c;
      const ctx = partnerPageContext(req, res);
      // After [実行する] (Post/Redirect/Get): the result, read from the version the step wrote.
      if (c.done && order.approvedAt) return sendPage(res, 200, approvedPage(ctx));
      if (order.status === 'ordered') {
        const partner = await pw.platform.getPartner(session.partnerId);
        if (!partner) return sendErrorPage(req, res, { page: 'partner', code: 'not_found' });
        // Not registered yet: the three agreements of ユーザー登録 come before any 基本情報.
        if (await needsConsents(partner)) return res.redirect(303, CONSENT_STEP_PATH);
        const missing = missingPartnerInfo(partner);
        const flash = missing ? await takeFlash(session.sid, infoFlashForm(order.orderId, missing), infoFlash) : undefined;
        if (missing === 'bank_account') {
          const form = flash ? formFromFlash(ctx, flash, checkBankAccount) : { values: {}, errors: {} };
          return sendPage(res, 200, bankAccountPage(ctx, order, pw.sessions.formToken(session, infoForm(order.orderId)), form));
        }
        if (missing === 'basic_info') {
          const form = flash ? formFromFlash(ctx, flash, checkBasicInfoForm) : { values: { name: partner.name ?? '' }, errors: {} };
          return sendPage(res, 200, basicInfoPage(ctx, order, pw.sessions.formToken(session, infoForm(order.orderId)), form));
        }
      }
      sendPage(res, 200, orderPage(ctx, order));
    }),
  );

  /** 口座情報 / 基本情報: checked here, saved on the platform, then back to the order. */
  function infoRoute<T, P>(
    path: string,
    kind: InfoKind,
    check: (body: FormBody) => InfoCheck<T, P>,
    save: (partnerId: string, value: T) => Promise<unknown>,
    /** Saving it registers a partner not yet registered: the three agreements come first. */
    registers = false,
  ): void {
    router.post(
      path,
      formBody(),
      pageRoute(async (req, res) => {
        const c = await orderContext(pw, req, res);
        if (!c) return;
        const body = formBodyOf(req.body);
        const token = pw.sessions.checkFormToken(c.session, infoForm(c.order.orderId), body);
        if (!token) return sendErrorPage(req, res, { page: 'partner', code: 'forbidden' });
        const checked = check(body);
        const values = checked.values;
        const orderPage = orderPaths(c.order.orderId).order;
        const back = async (flash: InfoFlash): Promise<void> => {
          await keepFlash(c.session.sid, infoFlashForm(c.order.orderId, kind), flash);
          res.redirect(303, orderPage);
        };
        if (!checked.ok) return back({ values });
        if (registers) {
          const partner = await pw.platform.getPartner(c.session.partnerId);
          if (partner && (await needsConsents(partner))) return res.redirect(303, CONSENT_STEP_PATH);
        }
        try {
          await save(c.session.partnerId, checked.value);
        } catch (err) {
          if (!(err instanceof ProviderRejectedError) || err.status === undefined || err.status >= 500) throw err;
          req.log.warn({ err }, 'the platform refused the partner information');
          return back({ values, platformRejected: true });
        }
        res.redirect(303, orderPage);
      }),
    );
  }
  infoRoute('/partner/orders/:orderId/bank-account', 'bank_account', checkBankAccount, (id, v) => pw.platform.putBankAccount(id, v));
  infoRoute('/partner/orders/:orderId/basic-info', 'basic_info', checkBasicInfoForm, (id, v) => pw.platform.putBasicInfo(id, v), true);

  // [承認する] opens 最終確認 (a page, so Back never re-posts a form); its [実行する] approves with
  // the token minted with it, whose request ID is the update ID.
  router.get(
    '/partner/orders/:orderId/approve',
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res);
      if (!c) return;
      const { session, order } = c;
      // Approved already (Back after 実行する) or not approvable: the order page says where it stands.
      if (refusePartnerAction('order.approve', order.status)) return res.redirect(303, orderPaths(order.orderId).order);
      // 口座情報 or 基本情報 still missing (approval-rule.ts): the order page shows that form first.
      const missing = missingForApproval(await approvalChecks(pw.platform, session.partnerId, false));
      if (missing && missing !== 'confirmation') return res.redirect(303, orderPaths(order.orderId).order);
      sendPage(res, 200, approveConfirmPage(partnerPageContext(req, res), order, pw.sessions.formToken(session, approveForm(order.orderId))));
    }),
  );

  router.post(
    '/partner/orders/:orderId/approve',
    formBody(),
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res);
      if (!c) return;
      const { session, order } = c;
      const body = formBodyOf(req.body);
      const token = pw.sessions.checkFormToken(session, approveForm(order.orderId), body);
      if (!token) return sendErrorPage(req, res, { page: 'partner', code: 'forbidden' });
      const parsedOp = approveOp.safeParse(formString(body, 'op'));
      if (!parsedOp.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      // The same rule as a tap in the LINE chat (approval-rule.ts): 口座情報 and 基本情報 first, then
      // the final check, a page of its own (a 承認する form of a page rendered before that leads there);
      // [実行する] is the confirmation.
      if (parsedOp.data === 'confirm') return res.redirect(303, orderPaths(order.orderId).approve);
      const checks = await approvalChecks(pw.platform, session.partnerId, true);
      const outcome = await takeStep(pw, session, order.orderId, { type: 'order.approve', checks }, token.rid);
      if (outcome.kind !== 'done') return sendStepRefusal(req, res, outcome, 'order.approve', order.orderId);
      res.redirect(303, donePath(orderPaths(order.orderId).order, outcome.viewVersion));
    }),
  );

  return router;
}

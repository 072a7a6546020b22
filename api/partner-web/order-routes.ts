// 「発注書を確認してください」 opens /partner/orders/:orderId: while the order waits for approval
// and the platform has no 口座情報 or 基本情報 for the partner, their forms come first (saved on
// the platform); then the order's contents → [承認する] → 最終確認 [実行する] → the approval as an
// update of the order workflow, answered once the platform has recorded it.
import { Router } from 'express';
import { refusePartnerAction } from '../../common/orders/transitions';
import type { OrderState } from '../../common/orders/types';
import { ProviderRejectedError } from '../../providers/http-errors';
import type { PartnerBankAccount, PartnerBasicInfo } from '../../providers/lansmart/platform-client';
import type { PageContext } from '../pages/locale';
import { basicInfoValues, checkBasicInfo, type BasicInfoProblem } from './basic-info-form';
import type { PartnerWebContext } from './context';
import { orderContext } from './order-context';
import { approveOp, bankAccountForm, fieldErrorsOf, type FieldProblem } from './form-schemas';
import { formBodyOf, formString, type FormBody } from '../edge/form-body';
import type { FormToken } from '../web/csrf';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { sendErrorPage } from '../web/error-pages';
import { BASIC_INFO_TEXT } from './pages/basic-info-catalogue';
import { approveConfirmPage, approvedPage, bankAccountPage, basicInfoPage, orderPage, type InfoForm } from './pages/order-pages';
import { orderPaths } from './partner-order';
import { sendStepRefusal, takeStep } from './step';

const BANK_FIELDS = ['bankName', 'branchName', 'accountType', 'accountNumber', 'accountHolderKana'] as const;

const approveForm = (orderId: string) => `approve:${orderId}`;
const infoForm = (orderId: string) => `partner-info:${orderId}`;

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
      if (order.status === 'ordered') {
        const partner = await pw.platform.getPartner(session.partnerId);
        if (!partner) return sendErrorPage(req, res, { page: 'partner', code: 'not_found' });
        if (!partner.bankAccount) {
          return sendPage(res, 200, bankAccountPage(ctx, order, pw.sessions.formToken(session, infoForm(order.orderId)), { values: {}, errors: {} }));
        }
        if (!partner.basicInfo) {
          const values = { name: partner.name ?? '' };
          return sendPage(res, 200, basicInfoPage(ctx, order, pw.sessions.formToken(session, infoForm(order.orderId)), { values, errors: {} }));
        }
      }
      sendPage(res, 200, orderPage(ctx, order, pw.sessions.formToken(session, approveForm(order.orderId))));
    }),
  );

  /** 口座情報 / 基本情報: checked here, saved on the platform, then back to the order. */
  function infoRoute<T, P>(
    path: string,
    check: (body: FormBody) => InfoCheck<T, P>,
    save: (partnerId: string, value: T) => Promise<unknown>,
    render: (ctx: PageContext, order: OrderState, token: FormToken, form: InfoForm<P>) => string,
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
        const ctx = partnerPageContext(req, res);
        const checked = check(body);
        const values = checked.values;
        if (!checked.ok) return sendPage(res, 400, render(ctx, c.order, token, { values, errors: checked.errors }));
        try {
          await save(c.session.partnerId, checked.value);
        } catch (err) {
          if (!(err instanceof ProviderRejectedError) || err.status === undefined || err.status >= 500) throw err;
          req.log.warn({ err }, 'the platform refused the partner information');
          return sendPage(res, 400, render(ctx, c.order, token, { values, errors: {}, alert: BASIC_INFO_TEXT[ctx.locale].platformRejected }));
        }
        res.redirect(303, orderPaths(c.order.orderId).order);
      }),
    );
  }
  infoRoute('/partner/orders/:orderId/bank-account', checkBankAccount, (id, v) => pw.platform.putBankAccount(id, v), bankAccountPage);
  infoRoute('/partner/orders/:orderId/basic-info', checkBasicInfoForm, (id, v) => pw.platform.putBasicInfo(id, v), basicInfoPage);

  // [承認する] (op=confirm) shows 最終確認; [実行する] (op=execute) approves. Both carry the token
  // minted with the order page, whose request ID is the update ID.
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
      const ctx = partnerPageContext(req, res);
      const parsedOp = approveOp.safeParse(formString(body, 'op'));
      if (!parsedOp.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      if (parsedOp.data === 'confirm') {
        const refusal = refusePartnerAction('order.approve', order.status);
        if (refusal) return sendStepRefusal(req, res, { kind: 'refused', ...refusal }, 'order.approve', order.orderId);
        return sendPage(res, 200, approveConfirmPage(ctx, order, token));
      }
      const outcome = await takeStep(pw, session, order.orderId, { type: 'order.approve' }, token.rid);
      if (outcome.kind !== 'done') return sendStepRefusal(req, res, outcome, 'order.approve', order.orderId);
      sendPage(res, 200, approvedPage(ctx));
    }),
  );

  return router;
}

// 「発注書を確認してください」 opens /partner/orders/:orderId: while the order waits for approval
// and the platform has no 口座情報 or 基本情報 for the partner, their forms come first (saved on
// the platform); then the order's contents → [承認する] → 最終確認 [実行する] → the approval as an
// update of the order workflow, answered once the platform has recorded it.
import { Router } from 'express';
import type { OrderView } from '../../common/orders/order-view';
import { ProviderRejectedError } from '../../providers/http-errors';
import type { PartnerBankAccount, PartnerBasicInfo } from '../../providers/lansmart/platform-client';
import type { PageContext } from '../pages/locale';
import { basicInfoValues, checkBasicInfo, type BasicInfoProblem } from './basic-info-form';
import type { PartnerWebContext } from './context';
import { orderContext } from './order-context';
import { approveOp, bankAccountForm, fieldErrorsOf, type FieldProblem } from './form-schemas';
import { checkFormToken, formBodyOf, formString, issueFormToken, type FormBody, type FormToken } from './form-tokens';
import { formBody, pageRoute, partnerPageContext, sendPage, sendProblem } from './page-handler';
import { BASIC_INFO_TEXT } from './pages/basic-info-catalogue';
import { approveConfirmPage, approvedPage, bankAccountPage, basicInfoPage, orderPage, type InfoForm } from './pages/order-pages';
import { donePath, orderPaths } from './partner-order';
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
      // After [実行する] (Post/Redirect/Get): the result, read from the version the step wrote.
      if (c.done && order.approvedAt) return sendPage(res, 200, approvedPage(ctx));
      if (order.status === 'ordered') {
        const missing = await missingPartnerInfo(session.partnerId);
        if (missing === 'partner') return sendProblem(req, res, 'not_found');
        if (missing?.form === 'bank') {
          return sendPage(res, 200, bankAccountPage(ctx, order, issueFormToken(pw, session, infoForm(order.orderId)), { values: {}, errors: {} }));
        }
        if (missing?.form === 'basic') {
          return sendPage(res, 200, basicInfoPage(ctx, order, issueFormToken(pw, session, infoForm(order.orderId)), { values: missing.values, errors: {} }));
        }
      }
      sendPage(res, 200, orderPage(ctx, order));
    }),
  );

  /** The partner's 口座情報 or 基本情報 the platform still lacks (they come before the approval). */
  async function missingPartnerInfo(partnerId: string): Promise<'partner' | { form: 'bank' } | { form: 'basic'; values: Record<string, string> } | undefined> {
    const partner = await pw.platform.getPartner(partnerId);
    if (!partner) return 'partner';
    if (!partner.bankAccount) return { form: 'bank' };
    if (!partner.basicInfo) return { form: 'basic', values: { name: partner.name ?? '' } };
    return undefined;
  }

  /** 口座情報 / 基本情報: checked here, saved on the platform, then back to the order. */
  function infoRoute<T, P>(
    path: string,
    check: (body: FormBody) => InfoCheck<T, P>,
    save: (partnerId: string, value: T) => Promise<unknown>,
    render: (ctx: PageContext, order: OrderView, token: FormToken, form: InfoForm<P>) => string,
  ): void {
    router.post(
      path,
      formBody(),
      pageRoute(async (req, res) => {
        const c = await orderContext(pw, req, res);
        if (!c) return;
        const body = formBodyOf(req.body);
        const token = checkFormToken(pw, c.session, infoForm(c.order.orderId), body);
        if (!token) return sendProblem(req, res, 'forbidden');
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

  // [承認する] opens 最終確認 (a page, so Back never re-posts a form); its [実行する] approves with
  // the token minted with it, whose request ID is the update ID.
  router.get(
    '/partner/orders/:orderId/approve',
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res);
      if (!c) return;
      const { session, order } = c;
      if (order.status !== 'ordered' || (await missingPartnerInfo(session.partnerId))) return res.redirect(303, orderPaths(order.orderId).order);
      sendPage(res, 200, approveConfirmPage(partnerPageContext(req, res), order, issueFormToken(pw, session, approveForm(order.orderId))));
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
      const token = checkFormToken(pw, session, approveForm(order.orderId), body);
      if (!token) return sendProblem(req, res, 'forbidden');
      const parsedOp = approveOp.safeParse(formString(body, 'op'));
      if (!parsedOp.success) return sendProblem(req, res, 'bad_request');
      // A 承認する form of a page rendered before 最終確認 was a page of its own.
      if (parsedOp.data === 'confirm') return res.redirect(303, orderPaths(order.orderId).approve);
      const outcome = await takeStep(pw, session, order.orderId, { type: 'order.approve' }, token.rid);
      if (outcome.kind !== 'done') return sendStepRefusal(req, res, outcome, 'order.approve', order.orderId);
      res.redirect(303, donePath(orderPaths(order.orderId).order, outcome.viewVersion));
    }),
  );

  return router;
}

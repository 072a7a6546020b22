// 基本情報の修正 from the invoice, /partner/orders/:orderId/invoice/basic-info: while the invoice is
// being written, the partner corrects 基本情報 (基本情報登録's rules, basic-info-form.ts), it is saved
// on the platform — which issues the invoice with it — and the partner is back on the invoice's
// confirmation with the draft kept on the server and the 基本情報 just saved. A mistake, or the
// platform's refusal, comes back to the form by redirect (post → redirect → get) with what was
// typed, shown once (form-flash.ts).
import { Router } from 'express';
import { ProviderRejectedError } from '../../providers/http-errors';
import { basicInfoValues, checkBasicInfo, BASIC_INFO_FIELDS, type BasicInfoField } from './basic-info-form';
import type { PartnerWebContext } from './context';
import { invoiceConfirmPath } from './invoice-routes';
import { orderContext } from './order-context';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { BASIC_INFO_TEXT } from './pages/basic-info-catalogue';
import { invoiceBasicInfoPage } from './pages/invoice-basic-info-page';
import { orderPaths } from './partner-order';
import { formBodyOf } from '../edge/form-body';
import { sendErrorPage } from '../web/error-pages';
import { basicInfoFlash, type BasicInfoFlash } from './basic-info-flash';
import { keepFlash, takeFlash } from '../web/form-flash';

const WRITING: readonly string[] = ['work_registered', 'remanded'];
const basicInfoForm = (orderId: string) => `invoice-basic-info:${orderId}`;
const PATH = '/partner/orders/:orderId/invoice/basic-info';

export function invoiceBasicInfoRoutes(pw: PartnerWebContext): Router {
  const router = Router();

  router.get(
    PATH,
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'invoice');
      if (!c) return;
      if (!WRITING.includes(c.order.status)) return res.redirect(303, orderPaths(c.order.orderId).invoice);
      const partner = await pw.platform.getPartner(c.session.partnerId);
      if (!partner) return sendErrorPage(req, res, { page: 'partner', code: 'not_found' });
      const ctx = partnerPageContext(req, res);
      const token = pw.sessions.formToken(c.session, basicInfoForm(c.order.orderId));
      // Back from a post that did not go through: what was typed, with its problems or the platform's refusal.
      const flash = await takeFlash(c.session.sid, basicInfoForm(c.order.orderId), basicInfoFlash);
      if (flash) {
        const checked = checkBasicInfo(flash.values);
        const errors = flash.platformRejected || checked.ok ? {} : checked.problems;
        const alert = flash.platformRejected ? BASIC_INFO_TEXT[ctx.locale].platformRejected : undefined;
        return sendPage(res, 200, invoiceBasicInfoPage(ctx, c.order, token, { values: flash.values, errors, ...(alert ? { alert } : {}) }));
      }
      const known: Partial<Record<string, string>> = partner.basicInfo ?? { name: partner.name ?? '' };
      const values = Object.fromEntries(BASIC_INFO_FIELDS.map((f) => [f, known[f] ?? ''])) as Record<BasicInfoField, string>;
      sendPage(res, 200, invoiceBasicInfoPage(ctx, c.order, token, { values, errors: {} }));
    }),
  );

  router.post(
    PATH,
    formBody(),
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'invoice');
      if (!c) return;
      const body = formBodyOf(req.body);
      const token = pw.sessions.checkFormToken(c.session, basicInfoForm(c.order.orderId), body);
      if (!token) return sendErrorPage(req, res, { page: 'partner', code: 'forbidden' });
      if (!WRITING.includes(c.order.status)) return res.redirect(303, orderPaths(c.order.orderId).invoice);
      const values = basicInfoValues(body);
      const back = async (flash: BasicInfoFlash): Promise<void> => {
        await keepFlash(c.session.sid, basicInfoForm(c.order.orderId), flash);
        res.redirect(303, `${orderPaths(c.order.orderId).invoice}/basic-info`);
      };
      const checked = checkBasicInfo(values);
      if (!checked.ok) return back({ values });
      try {
        await pw.platform.putBasicInfo(c.session.partnerId, checked.info);
      } catch (err) {
        if (!(err instanceof ProviderRejectedError) || err.status === undefined || err.status >= 500) throw err;
        req.log.warn({ err }, 'the platform refused the basic information');
        return back({ values, platformRejected: true });
      }
      res.redirect(303, invoiceConfirmPath(c.order.orderId));
    }),
  );

  return router;
}

// The company console's routes: `GET /company/orders` (also where `/` leads), the platform's e-mail
// login page `GET /login` (shown only), and one form POST per company action, each
// running the same code as the control routes (company-actions.ts) with the same validation, then
// back to the list (303) with a notice saying what happened and what renkei answered. A refused
// action re-renders the list with the reason (400 / 404 / 409). Each order lists the partner's
// 報告書 files; one downloads as an attachment (never shown inline, the type not sniffed).

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { HttpError } from '../harness/http-error';
import { formValue } from '../harness/validate';
import {
  approveOverduePaymentNotice,
  cancelOrder,
  createOrder,
  createWorkReport,
  issuePaymentNotice,
  remandInvoice,
  type CompanyActionResult,
} from './company-actions';
import { createOrderSchema, paymentNoticeSchema, remandSchema } from './control-schema';
import { sendCompanyConsolePage } from './pages/console';
import { reportFileView } from './report-file';
import type { LansmartState } from './state';

const NOTICES = {
  created: '発注書を作成しました。',
  work_report: '業務報告を作成しました。',
  remanded: '請求書を差し戻しました。',
  payment_notice: '支払通知書を作成しました。',
  cancelled: '発注を取り消しました。',
  overdue_approved: '支払通知書を期日超過承認しました。',
} as const;
type NoticeKey = keyof typeof NOTICES;

const noticeQuerySchema = z.object({ notice: formValue(), delivery: formValue() });
const orderFormSchema = z.object({ partnerId: formValue(), title: formValue(), amountYen: formValue(), from: formValue(), to: formValue(), closingDate: formValue() });
const remandFormSchema = z.object({ reason: formValue() });
const paymentNoticeFormSchema = z.object({ approvalDueDate: formValue() });

/** YYYY-MM-DD in Japan time, `days` from now. */
function jstDate(days = 0): string {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function monthBounds(): { from: string; to: string } {
  const today = jstDate();
  const [year, month] = today.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(lastDay).padStart(2, '0')}` };
}

function deliveryNotice(value: string | undefined): string {
  if (value === undefined) return '';
  if (value === 'none') return ' renkeiへの通知: 送信できませんでした。';
  return ` renkeiへの通知: HTTP ${value}`;
}

const numberOrText = (value: string | undefined): number | string | undefined => (value === undefined || Number.isNaN(Number(value)) ? value : Number(value));

export function createConsoleRouter(state: LansmartState): Router {
  const router = Router();

  const render = (res: Response, status: number, messages: { notice?: string; error?: string }): void => {
    const { from, to } = monthBounds();
    sendCompanyConsolePage(res, status, {
      orders: state.listOrders().map((order) => {
        const partner = state.partners.get(order.partnerId);
        return {
          order,
          partnerLabel: partner === undefined ? order.partnerId : `${partner.name ?? partner.basicInfo?.name ?? partner.email}（${order.companyName}）`,
          files: state.reportFilesOf(order.orderId).map(reportFileView),
        };
      }),
      partners: [...state.partners.values()].map((partner) => ({
        partnerId: partner.partnerId,
        label: `${partner.name ?? partner.basicInfo?.name ?? partner.email} <${partner.email}>（${state.companyName(partner.companyId)}）`,
      })),
      defaults: { from, to, closingDate: to, approvalDueDate: jstDate(7) },
      ...messages,
    });
  };

  /** Runs an action; on success back to the list with a notice, on refusal the list with the reason. */
  const run = async (res: Response, notice: NoticeKey, action: () => Promise<CompanyActionResult> | CompanyActionResult): Promise<void> => {
    try {
      const { delivery } = await action();
      const query: Record<string, string> = { notice, delivery: delivery.status === null ? 'none' : String(delivery.status) };
      res.redirect(303, `/company/orders?${new URLSearchParams(query).toString()}`);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      render(res, error.status, { error: messageOf(error) });
    }
  };

  const orderIdOf = (req: Request): string => String(req.params.orderId);

  router.get('/', (_req, res) => {
    res.redirect(303, '/company/orders');
  });

  // The platform's own e-mail login (LANSMART_LOGIN_URL), where renkei's refusal pages send company
  // users and partners without the LINE option. The emulator shows the page only; signing in to the
  // platform itself is outside renkei.
  router.get('/login', (_req, res) => {
    res
      .status(200)
      .type('html')
      .send(
        '<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ログイン | Lansmart by SmartHR</title></head>' +
          '<body><main><h1 data-platform-login>メールアドレスでログイン</h1>' +
          '<p>(エミュレーター: Lansmart本体のメールアドレスとパスワードのログイン画面の代わりです)</p></main></body></html>',
      );
  });

  router.get('/company/orders', (req, res) => {
    const query = noticeQuerySchema.safeParse(req.query).data;
    const key = query?.notice;
    const notice = key !== undefined && key in NOTICES ? NOTICES[key as NoticeKey] + deliveryNotice(query?.delivery) : undefined;
    render(res, 200, notice === undefined ? {} : { notice });
  });

  router.post('/company/orders', (req, res) =>
    run(res, 'created', () => {
      const form = parseForm(orderFormSchema, req.body ?? {});
      const input = parseForm(createOrderSchema, {
        partnerId: form.partnerId,
        title: form.title,
        amountYen: numberOrText(form.amountYen),
        workPeriod: { from: form.from, to: form.to },
        closingDate: form.closingDate,
      });
      return createOrder(state, input);
    }),
  );

  router.get('/company/orders/:orderId/report-files/:fileId', (req, res) => {
    const file = state.reportFilesOf(orderIdOf(req)).find((f) => f.fileId === String(req.params.fileId));
    if (file === undefined) {
      render(res, 404, { error: 'ファイルが見つかりません' });
      return;
    }
    // attachment() would take the type from the name's extension: the type detected from the bytes wins.
    res
      .status(200)
      .attachment(file.fileName)
      .type(file.contentType)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Content-Security-Policy', "default-src 'none'; sandbox")
      .set('Cache-Control', 'no-store')
      .send(file.data);
  });

  router.post('/company/orders/:orderId/work-report', (req, res) => run(res, 'work_report', () => createWorkReport(state, orderIdOf(req), {})));

  router.post('/company/orders/:orderId/remand', (req, res) =>
    run(res, 'remanded', () => remandInvoice(state, orderIdOf(req), parseForm(remandSchema, { reason: parseForm(remandFormSchema, req.body ?? {}).reason }))),
  );

  router.post('/company/orders/:orderId/payment-notice', (req, res) =>
    run(res, 'payment_notice', () =>
      issuePaymentNotice(state, orderIdOf(req), parseForm(paymentNoticeSchema, { approvalDueDate: parseForm(paymentNoticeFormSchema, req.body ?? {}).approvalDueDate })),
    ),
  );

  router.post('/company/orders/:orderId/cancel', (req, res) => run(res, 'cancelled', () => cancelOrder(state, orderIdOf(req), {})));

  router.post('/company/orders/:orderId/overdue-approval', (req, res) => run(res, 'overdue_approved', () => approveOverduePaymentNotice(state, orderIdOf(req))));

  return router;
}

/** A form checked with the control route's schema; a refusal lists the messages (400). */
function parseForm<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, { error: { code: 'VALIDATION_ERROR', message: parsed.error.issues.map((issue) => issue.message).join(' ') } });
  return parsed.data;
}

function messageOf(error: HttpError): string {
  const inner: unknown = typeof error.body === 'object' && error.body !== null && 'error' in error.body ? error.body.error : undefined;
  const message: unknown = typeof inner === 'object' && inner !== null && 'message' in inner ? inner.message : undefined;
  return typeof message === 'string' ? message : `HTTP ${error.status}`;
}

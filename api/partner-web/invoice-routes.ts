// /partner/orders/:orderId/invoice — from 「請求書を作成する」 after the work is registered, from the
// reminder 「請求書を作成してください」 and from 「請求書が差し戻されました」: items and 立替経費 →
// [確認する] (checked rows, totals) → [送信] → 請求月 [送信する] → one update of the order workflow
// (invoice.submit on the platform) → 「請求書を送信しました」. After a remand the same page resubmits.
import { Router } from 'express';
import { refusePartnerAction } from '../../common/orders/transitions';
import type { OrderState } from '../../common/orders/types';
import type { PartnerWebContext } from './context';
import { orderContext } from './order-context';
import { billingMonthForm, fieldErrorsOf, invoiceDraft, invoiceOp, invoiceRowForm, MAX_INVOICE_ROWS, type FieldErrors, type InvoiceDraft } from './form-schemas';
import { formBodyOf, formList, formString, type FormBody } from '../edge/form-body';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { sendErrorPage } from '../web/error-pages';
import { INVOICE_TEXT } from './pages/invoice-catalogue';
import { invoiceConfirmPage, invoiceFormPage, invoiceMonthPage, invoiceSentPage, invoiceSentView, type RowValues } from './pages/invoice-pages';
import { sendStepRefusal, takeStep } from './step';

const invoiceForm = (orderId: string) => `invoice:${orderId}`;
const BLANK: RowValues = { name: '', amount: '' };
const SENT: readonly string[] = ['invoiced', 'payment_notice_issued', 'closed'];

const toRows = (lines: Array<{ name: string; amountYen: number }>): RowValues[] => lines.map((l) => ({ name: l.name, amount: String(l.amountYen) }));

/** The rows to start from: the invoice sent before (after a remand), else the order itself. */
function initialRows(order: OrderState): { items: RowValues[]; expenses: RowValues[] } {
  if (order.invoice) {
    const expenses = toRows(order.invoice.expenses);
    return { items: toRows(order.invoice.items), expenses: expenses.length ? expenses : [BLANK] };
  }
  return { items: [{ name: order.details.title, amount: String(order.details.amountYen) }], expenses: [BLANK] };
}

/** The rows as posted (names and amounts paired by position), or undefined when there are too many. */
function postedRows(body: FormBody, kind: 'item' | 'expense'): RowValues[] | undefined {
  const names = formList(body, `${kind}Name`);
  const amounts = formList(body, `${kind}Amount`);
  const n = Math.max(names.length, amounts.length);
  if (n > MAX_INVOICE_ROWS) return undefined;
  return Array.from({ length: n }, (_, i) => ({ name: names[i] ?? '', amount: amounts[i] ?? '' }));
}

const blank = (r: RowValues): boolean => r.name.trim() === '' && r.amount.trim() === '';

/** Checks the filled rows (blank ones are left out); problems are keyed by the row as shown. */
function checkRows(rows: RowValues[], key: 'items' | 'expenses'): { lines: InvoiceDraft['items']; errors: FieldErrors } {
  const lines: InvoiceDraft['items'] = [];
  const errors: FieldErrors = {};
  rows.forEach((r, i) => {
    if (blank(r)) return;
    const parsed = invoiceRowForm.safeParse({ name: r.name, amountYen: r.amount });
    if (parsed.success) lines.push(parsed.data);
    else Object.assign(errors, fieldErrorsOf(parsed.error, `${key}.${i}.`));
  });
  return { lines, errors };
}

function parseDraft(raw: string | undefined): InvoiceDraft | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed = invoiceDraft.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function invoiceRoutes(pw: PartnerWebContext): Router {
  const router = Router();

  router.get(
    '/partner/orders/:orderId/invoice',
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'invoice');
      if (!c) return;
      const { session, order } = c;
      const ctx = partnerPageContext(req, res);
      if (order.status === 'work_registered' || order.status === 'remanded') {
        const token = pw.sessions.formToken(session, invoiceForm(order.orderId));
        return sendPage(res, 200, invoiceFormPage(ctx, order, token, { ...initialRows(order), errors: {} }));
      }
      if (SENT.includes(order.status) && order.invoice) return sendPage(res, 200, invoiceSentView(ctx, order));
      const refusal = refusePartnerAction('invoice.submit', order.status) ?? { reason: 'not_yet', status: order.status };
      sendStepRefusal(req, res, { kind: 'refused', ...refusal }, 'invoice.submit', order.orderId);
    }),
  );

  router.post(
    '/partner/orders/:orderId/invoice',
    formBody(),
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'invoice');
      if (!c) return;
      const { session, order } = c;
      const body = formBodyOf(req.body);
      const token = pw.sessions.checkFormToken(session, invoiceForm(order.orderId), body);
      if (!token) return sendErrorPage(req, res, { page: 'partner', code: 'forbidden' });
      const ctx = partnerPageContext(req, res);
      const t = INVOICE_TEXT[ctx.locale];
      const parsedOp = invoiceOp.safeParse(formString(body, 'op'));
      if (!parsedOp.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      const op = parsedOp.data;

      if (op === 'add_item' || op === 'add_expense' || op === 'confirm') {
        const items = postedRows(body, 'item');
        const expenses = postedRows(body, 'expense');
        if (!items || !expenses) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
        if (op !== 'confirm') {
          const grow = (rows: RowValues[]) => (rows.length < MAX_INVOICE_ROWS ? [...rows, BLANK] : rows);
          return sendPage(res, 200, invoiceFormPage(ctx, order, token, op === 'add_item' ? { items: grow(items), expenses, errors: {} } : { items, expenses: grow(expenses), errors: {} }));
        }
        const checkedItems = checkRows(items, 'items');
        const checkedExpenses = checkRows(expenses, 'expenses');
        const errors = { ...checkedItems.errors, ...checkedExpenses.errors };
        if (Object.keys(errors).length > 0) return sendPage(res, 400, invoiceFormPage(ctx, order, token, { items, expenses, errors }));
        if (checkedItems.lines.length === 0) {
          return sendPage(res, 400, invoiceFormPage(ctx, order, token, { items: items.length ? items : [BLANK], expenses, errors: {}, alert: t.needOneItem }));
        }
        return sendPage(res, 200, invoiceConfirmPage(ctx, order, token, { items: checkedItems.lines, expenses: checkedExpenses.lines }));
      }

      const draft = parseDraft(formString(body, 'draft'));
      if (!draft) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      if (op === 'edit') {
        const expenses = toRows(draft.expenses);
        return sendPage(res, 200, invoiceFormPage(ctx, order, token, { items: toRows(draft.items), expenses: expenses.length ? expenses : [BLANK], errors: {} }));
      }
      if (op === 'send') {
        const month = order.invoice?.billingMonth ?? order.details.closingDate.slice(0, 7);
        return sendPage(res, 200, invoiceMonthPage(ctx, order, token, draft, month, {}));
      }
      // [送信する]
      const rawMonth = formString(body, 'billingMonth') ?? '';
      const month = billingMonthForm.safeParse(rawMonth);
      if (!month.success) return sendPage(res, 400, invoiceMonthPage(ctx, order, token, draft, rawMonth, { billingMonth: 'billing_month' }));
      const outcome = await takeStep(pw, session, order.orderId, { type: 'invoice.submit', billingMonth: month.data, items: draft.items, expenses: draft.expenses }, token.rid);
      if (outcome.kind !== 'done') return sendStepRefusal(req, res, outcome, 'invoice.submit', order.orderId);
      sendPage(res, 200, invoiceSentPage(ctx, draft, month.data));
    }),
  );

  return router;
}

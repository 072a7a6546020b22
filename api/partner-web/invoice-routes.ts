// /partner/orders/:orderId/invoice — from 「請求書を作成する」 after the work is registered, from the
// reminder 「請求書を作成してください」 and from 「請求書が差し戻されました」: items and 立替経費 →
// [確認する] (checked rows, totals) → [送信] → 請求月 [送信する] → one update of the order workflow
// (invoice.submit on the platform) → 「請求書を送信しました」. After a remand the same page resubmits.
// The rows typed so far are kept on the server with every post (invoice-draft-store.ts) and shown
// again when the partner comes back, until the invoice is sent; [報告書のアップロード] and
// [基本情報を修正する] save them before leaving. Every post answers 303 to a page (post → redirect →
// get): the form (/invoice, its problems shown once from a flash, form-flash.ts), the confirmation
// (/invoice/confirm) or the 請求月 (/invoice/month), each read from the kept draft, so a reload or
// Back never sends a form again.
import { Router, type Request, type Response } from 'express';
import { refusePartnerAction } from '../../common/orders/transitions';
import type { OrderView } from '../../common/orders/order-view';
import type { PartnerWebContext } from './context';
import { orderContext } from './order-context';
import { donePath, orderPaths } from './partner-order';
import { billingMonthForm, fieldErrorsOf, invoiceDraft, invoiceOp, invoiceRowForm, MAX_INVOICE_ROWS, type FieldErrors, type InvoiceDraft } from './form-schemas';
import { deleteInvoiceDraft, loadInvoiceDraft, saveInvoiceDraft, type InvoiceRows } from './invoice-draft-store';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { INVOICE_TEXT } from './pages/invoice-catalogue';
import { invoiceConfirmPage, invoiceFormPage, invoiceMonthPage, invoiceSentPage, invoiceSentView, type RowValues } from './pages/invoice-pages';
import { sendStepRefusal, takeStep } from './step';
import { formBodyOf, formList, formString, type FormBody } from '../edge/form-body';
import { sendErrorPage } from '../web/error-pages';
import { keepFlash, takeFlash } from '../web/form-flash';
import { z } from 'zod';

const invoiceForm = (orderId: string) => `invoice:${orderId}`;
const BLANK: RowValues = { name: '', amount: '' };
const SENT: readonly string[] = ['invoiced', 'payment_notice_issued', 'closed'];

const toRows = (lines: Array<{ name: string; amountYen: number }>): RowValues[] => lines.map((l) => ({ name: l.name, amount: String(l.amountYen) }));

/** The rows to start from: the invoice sent before (after a remand), else the order itself. */
function initialRows(order: OrderView): { items: RowValues[]; expenses: RowValues[] } {
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

/** The invoice's rows as the form carries them again (a confirmed draft back into editable rows). */
function rowsOf(draft: InvoiceDraft): { items: RowValues[]; expenses: RowValues[] } {
  const expenses = toRows(draft.expenses);
  return { items: toRows(draft.items), expenses: expenses.length ? expenses : [BLANK] };
}

export const invoiceConfirmPath = (orderId: string): string => `${orderPaths(orderId).invoice}/confirm`;
const invoiceMonthPath = (orderId: string): string => `${orderPaths(orderId).invoice}/month`;
const WRITING: readonly string[] = ['work_registered', 'remanded'];

/** What the invoice form shows once after a post: the kept rows' problems, that an item is needed (an empty flash: no "restored" notice). */
const formFlash = z.object({ check: z.boolean().optional(), needOneItem: z.boolean().optional() });
/** What the 請求月 page shows once after a post: the month as typed, with its problem. */
const monthFlash = z.object({ billingMonth: z.string().max(40) });
const monthFlashForm = (orderId: string) => `${invoiceForm(orderId)}:month`;

/** The kept draft as an invoice to confirm or send; undefined when there is none or a row is incomplete. */
function confirmable(kept: InvoiceRows | undefined): InvoiceDraft | undefined {
  if (!kept) return undefined;
  const items = checkRows(kept.items, 'items');
  const expenses = checkRows(kept.expenses, 'expenses');
  if (items.lines.length === 0 || Object.keys({ ...items.errors, ...expenses.errors }).length > 0) return undefined;
  return { items: items.lines, expenses: expenses.lines };
}

export function invoiceRoutes(pw: PartnerWebContext): Router {
  const router = Router();
  const issuerOf = async (partnerId: string) => (await pw.platform.getPartner(partnerId))?.basicInfo ?? null;

  router.get(
    '/partner/orders/:orderId/invoice',
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'invoice');
      if (!c) return;
      const { session, order } = c;
      const ctx = partnerPageContext(req, res);
      // After [送信する] (Post/Redirect/Get): the result, read from the version the step wrote.
      if (c.done && SENT.includes(order.status) && order.invoice) return sendPage(res, 200, invoiceSentPage(ctx, order.invoice, order.invoice.billingMonth));
      if (order.status === 'work_registered' || order.status === 'remanded') {
        const token = pw.sessions.formToken(session, invoiceForm(order.orderId));
        const kept = await loadInvoiceDraft(session.partnerId, order.orderId);
        // Back here from a post of this form: its problems once; else a kept draft says it was restored.
        const flash = await takeFlash(session.sid, invoiceForm(order.orderId), formFlash);
        const rows = kept ?? initialRows(order);
        const items = rows.items.length ? rows.items : [BLANK];
        const errors = flash?.check ? { ...checkRows(items, 'items').errors, ...checkRows(rows.expenses, 'expenses').errors } : {};
        const alert = flash?.needOneItem ? INVOICE_TEXT[ctx.locale].needOneItem : undefined;
        return sendPage(res, 200, invoiceFormPage(ctx, order, token, { items, expenses: rows.expenses, errors, ...(alert ? { alert } : {}), ...(kept && !flash ? { restored: true } : {}) }));
      }
      if (SENT.includes(order.status) && order.invoice) return sendPage(res, 200, invoiceSentView(ctx, order));
      const refusal = refusePartnerAction('invoice.submit', order.status) ?? { reason: 'not_yet', status: order.status };
      sendStepRefusal(req, res, { kind: 'refused', ...refusal }, 'invoice.submit', order.orderId);
    }),
  );

  /** The order and its kept draft while it can be confirmed; else the answer is a redirect to the form. */
  async function confirmableDraftContext(req: Request, res: Response) {
    const c = await orderContext(pw, req, res, 'invoice');
    if (!c) return undefined;
    const { session, order } = c;
    const draft = WRITING.includes(order.status) ? confirmable(await loadInvoiceDraft(session.partnerId, order.orderId)) : undefined;
    if (!draft) {
      res.redirect(303, orderPaths(order.orderId).invoice);
      return undefined;
    }
    return { session, order, draft };
  }

  // The kept draft's confirmation again (back from 基本情報の修正); an incomplete draft goes to the form.
  router.get(
    '/partner/orders/:orderId/invoice/confirm',
    pageRoute(async (req, res) => {
      const c = await confirmableDraftContext(req, res);
      if (!c) return;
      const { session, order, draft } = c;
      const token = pw.sessions.formToken(session, invoiceForm(order.orderId));
      sendPage(res, 200, invoiceConfirmPage(partnerPageContext(req, res), order, token, draft, await issuerOf(session.partnerId)));
    }),
  );

  // [送信] → 請求月: the kept draft with the month to send it for; an incomplete draft goes to the form.
  router.get(
    '/partner/orders/:orderId/invoice/month',
    pageRoute(async (req, res) => {
      const c = await confirmableDraftContext(req, res);
      if (!c) return;
      const { session, order, draft } = c;
      const flash = await takeFlash(session.sid, monthFlashForm(order.orderId), monthFlash);
      const month = flash?.billingMonth ?? order.invoice?.billingMonth ?? order.details.closingDate.slice(0, 7);
      const errors: FieldErrors = flash && !billingMonthForm.safeParse(month).success ? { billingMonth: 'billing_month' } : {};
      const token = pw.sessions.formToken(session, invoiceForm(order.orderId));
      sendPage(res, 200, invoiceMonthPage(partnerPageContext(req, res), order, token, draft, month, errors));
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
      const parsedOp = invoiceOp.safeParse(formString(body, 'op'));
      if (!parsedOp.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      const op = parsedOp.data;
      const formPath = orderPaths(order.orderId).invoice;
      /** Back to the form, which shows `flash` once. */
      const toForm = async (flash: z.infer<typeof formFlash>): Promise<void> => {
        await keepFlash(session.sid, invoiceForm(order.orderId), flash);
        res.redirect(303, formPath);
      };
      // Nothing to keep once the invoice is sent or not awaited: the invoice page says where the order stands.
      if (op !== 'submit' && !WRITING.includes(order.status)) return res.redirect(303, formPath);

      if (op === 'add_item' || op === 'add_expense' || op === 'confirm' || op === 'upload') {
        const items = postedRows(body, 'item');
        const expenses = postedRows(body, 'expense');
        if (!items || !expenses) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
        if (op === 'upload') {
          await saveInvoiceDraft(session.partnerId, order.orderId, { items, expenses });
          return res.redirect(303, orderPaths(order.orderId).reportFiles);
        }
        if (op !== 'confirm') {
          const grow = (rows: RowValues[]) => (rows.length < MAX_INVOICE_ROWS ? [...rows, BLANK] : rows);
          await saveInvoiceDraft(session.partnerId, order.orderId, op === 'add_item' ? { items: grow(items), expenses } : { items, expenses: grow(expenses) });
          return toForm({});
        }
        await saveInvoiceDraft(session.partnerId, order.orderId, { items, expenses });
        const checkedItems = checkRows(items, 'items');
        const checkedExpenses = checkRows(expenses, 'expenses');
        if (Object.keys({ ...checkedItems.errors, ...checkedExpenses.errors }).length > 0) return toForm({ check: true });
        if (checkedItems.lines.length === 0) return toForm({ needOneItem: true });
        return res.redirect(303, invoiceConfirmPath(order.orderId));
      }

      const draft = parseDraft(formString(body, 'draft'));
      if (!draft) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      if (op === 'edit' || op === 'basic_info') {
        await saveInvoiceDraft(session.partnerId, order.orderId, rowsOf(draft));
        if (op === 'basic_info') return res.redirect(303, `${formPath}/basic-info`);
        return toForm({});
      }
      if (op === 'send') {
        await saveInvoiceDraft(session.partnerId, order.orderId, rowsOf(draft));
        return res.redirect(303, invoiceMonthPath(order.orderId));
      }
      // [送信する]
      const rawMonth = formString(body, 'billingMonth') ?? '';
      const month = billingMonthForm.safeParse(rawMonth);
      if (!month.success) {
        await keepFlash(session.sid, monthFlashForm(order.orderId), { billingMonth: rawMonth.slice(0, 40) });
        return res.redirect(303, invoiceMonthPath(order.orderId));
      }
      const outcome = await takeStep(pw, session, order.orderId, { type: 'invoice.submit', billingMonth: month.data, items: draft.items, expenses: draft.expenses }, token.rid);
      if (outcome.kind !== 'done') return sendStepRefusal(req, res, outcome, 'invoice.submit', order.orderId);
      await deleteInvoiceDraft(session.partnerId, order.orderId);
      res.redirect(303, donePath(orderPaths(order.orderId).invoice, outcome.viewVersion));
    }),
  );

  return router;
}

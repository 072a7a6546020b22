// 「業務報告が作成されました」 opens /partner/orders/:orderId/report: the 稼動期間, then 業務内容 added
// one by one (each checked: a date inside the period, hours, what was done) and carried by the page
// until [業務を登録] sends them as one update of the order workflow (work.register on the platform).
import { Router } from 'express';
import { jstDate } from '../../common/orders/schedule';
import { refusePartnerAction } from '../../common/orders/transitions';
import type { DatePeriod, WorkEntry } from '../../common/orders/types';
import type { OrderView } from '../../common/orders/order-view';
import type { PartnerWebContext } from './context';
import { orderContext } from './order-context';
import { donePath, orderPaths } from './partner-order';
import { entryIndex, fieldErrorsOf, MAX_WORK_ENTRIES, reportOp, workDraft, workEntryForm, type FieldErrors } from './form-schemas';
import { formBodyOf, formString } from '../edge/form-body';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { sendErrorPage } from '../web/error-pages';
import { REPORT_TEXT } from './pages/report-catalogue';
import { workFormPage, workRegisteredPage, workRegisteredView } from './pages/report-pages';
import { sendStepRefusal, takeStep } from './step';

const reportForm = (orderId: string) => `report:${orderId}`;

const periodOf = (order: OrderView): DatePeriod => order.report?.period ?? order.details.workPeriod;

function defaultDate(period: DatePeriod): string {
  const today = jstDate(new Date());
  return today >= period.from && today <= period.to ? today : period.from;
}

const byDate = (a: WorkEntry, b: WorkEntry): number => a.date.localeCompare(b.date);

function parseDraft(raw: string | undefined, period: DatePeriod): WorkEntry[] | undefined {
  if (raw === undefined || raw === '') return [];
  try {
    const parsed = workDraft(period).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function reportRoutes(pw: PartnerWebContext): Router {
  const router = Router();

  router.get(
    '/partner/orders/:orderId/report',
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'report');
      if (!c) return;
      const { session, order } = c;
      const ctx = partnerPageContext(req, res);
      // After [業務を登録] (Post/Redirect/Get): the result, read from the version the step wrote.
      if (c.done && order.work) return sendPage(res, 200, workRegisteredPage(ctx, order, order.work.entries));
      if (order.status === 'reporting') {
        const period = periodOf(order);
        const token = pw.sessions.formToken(session, reportForm(order.orderId));
        return sendPage(res, 200, workFormPage(ctx, order, token, { period, entries: [], values: { date: defaultDate(period), hours: '', description: '' }, errors: {} }));
      }
      if (order.work) return sendPage(res, 200, workRegisteredView(ctx, order));
      const refusal = refusePartnerAction('work.register', order.status) ?? { reason: 'not_yet', status: order.status };
      sendStepRefusal(req, res, { kind: 'refused', ...refusal }, 'work.register', order.orderId);
    }),
  );

  router.post(
    '/partner/orders/:orderId/report',
    formBody(),
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'report');
      if (!c) return;
      const { session, order } = c;
      const body = formBodyOf(req.body);
      const token = pw.sessions.checkFormToken(session, reportForm(order.orderId), body);
      if (!token) return sendErrorPage(req, res, { page: 'partner', code: 'forbidden' });
      const period = periodOf(order);
      const entries = parseDraft(formString(body, 'draft'), period);
      if (!entries) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      const values = { date: formString(body, 'date') ?? '', hours: formString(body, 'hours') ?? '', description: formString(body, 'description') ?? '' };
      const ctx = partnerPageContext(req, res);
      const show = (status: number, next: WorkEntry[], shown: typeof values, errors: FieldErrors = {}, alert?: string): void =>
        sendPage(res, status, workFormPage(ctx, order, token, { period, entries: next, values: shown, errors, ...(alert ? { alert } : {}) }));
      const typed = (): { entry?: WorkEntry; errors?: FieldErrors } => {
        const parsed = workEntryForm(period).safeParse(values);
        return parsed.success ? { entry: parsed.data } : { errors: fieldErrorsOf(parsed.error) };
      };
      const parsedOp = reportOp.safeParse(formString(body, 'op'));
      if (!parsedOp.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      const op = parsedOp.data;

      if (op === 'add') {
        const { entry, errors } = typed();
        if (!entry) return show(400, entries, values, errors);
        if (entries.length >= MAX_WORK_ENTRIES) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
        return show(200, [...entries, entry].sort(byDate), { date: entry.date, hours: '', description: '' });
      }
      if (op === 'remove') {
        const index = entryIndex.safeParse(formString(body, 'index'));
        if (!index.success || index.data >= entries.length) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
        return show(200, entries.filter((_, i) => i !== index.data), values);
      }
      // [業務を登録]: what is still typed in the fields counts as one more entry.
      let all = entries;
      if (values.hours.trim() !== '' || values.description.trim() !== '') {
        const { entry, errors } = typed();
        if (!entry) return show(400, entries, values, errors);
        all = [...entries, entry].sort(byDate);
      }
      if (all.length === 0) return show(400, all, values, {}, REPORT_TEXT[ctx.locale].needOneEntry);
      const outcome = await takeStep(pw, session, order.orderId, { type: 'work.register', entries: all }, token.rid);
      if (outcome.kind !== 'done') return sendStepRefusal(req, res, outcome, 'work.register', order.orderId);
      res.redirect(303, donePath(orderPaths(order.orderId).report, outcome.viewVersion));
    }),
  );

  return router;
}


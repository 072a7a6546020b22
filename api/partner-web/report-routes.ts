// 「業務報告が作成されました」 opens /partner/orders/:orderId/report: the 稼動期間, then 業務内容 added
// one by one (each checked: a date inside the period, hours, what was done) and kept on the server
// (report-draft-store.ts) until [業務を登録] sends them as one update of the order workflow
// (work.register on the platform). Every post answers 303 to the report page (post → redirect →
// get): an entry added or removed is in the kept list, a mistake comes back once as a flash with
// what was typed (form-flash.ts), so a reload or Back never sends the form again.
import { Router } from 'express';
import { z } from 'zod';
import { jstDate } from '../../common/orders/schedule';
import { refusePartnerAction } from '../../common/orders/transitions';
import type { DatePeriod, WorkEntry } from '../../common/orders/types';
import type { OrderView } from '../../common/orders/order-view';
import type { PartnerWebContext } from './context';
import { orderContext } from './order-context';
import { donePath, orderPaths } from './partner-order';
import { fieldErrorsOf, MAX_WORK_ENTRIES, removedEntry, reportOp, workEntryForm, type DraftEntry } from './form-schemas';
import { formBodyOf, formString } from '../edge/form-body';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { deleteReportDraft, loadReportDraft, newDraftEntryId, saveReportDraft, workEntriesOf } from './report-draft-store';
import { sendErrorPage } from '../web/error-pages';
import { keepFlash, takeFlash } from '../web/form-flash';
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

const workValues = z.object({ date: z.string().max(40), hours: z.string().max(40), description: z.string().max(4000) });
type WorkValues = z.infer<typeof workValues>;
/** What the report page shows once after a post: what was typed, with its problems, or that an entry is needed. */
const reportFlash = z.object({ values: workValues, check: z.boolean().optional(), needOneEntry: z.boolean().optional() });
type ReportFlash = z.infer<typeof reportFlash>;

const clip = (v: WorkValues): WorkValues => ({ date: v.date.slice(0, 40), hours: v.hours.slice(0, 40), description: v.description.slice(0, 4000) });

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
        const entries = await loadReportDraft(session.partnerId, order.orderId, period);
        const flash = await takeFlash(session.sid, reportForm(order.orderId), reportFlash);
        const values = flash?.values ?? { date: defaultDate(period), hours: '', description: '' };
        const checked = flash?.check ? workEntryForm(period).safeParse(values) : undefined;
        const errors = checked && !checked.success ? fieldErrorsOf(checked.error) : {};
        const alert = flash?.needOneEntry ? REPORT_TEXT[ctx.locale].needOneEntry : undefined;
        const token = pw.sessions.formToken(session, reportForm(order.orderId));
        return sendPage(res, 200, workFormPage(ctx, order, token, { period, entries, values, errors, ...(alert ? { alert } : {}) }));
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
      const parsedOp = reportOp.safeParse(formString(body, 'op'));
      if (!parsedOp.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      const op = parsedOp.data;
      const period = periodOf(order);
      const values = { date: formString(body, 'date') ?? '', hours: formString(body, 'hours') ?? '', description: formString(body, 'description') ?? '' };
      const page = orderPaths(order.orderId).report;
      /** Back to the report page, which shows `flash` once. */
      const back = async (flash: ReportFlash): Promise<void> => {
        await keepFlash(session.sid, reportForm(order.orderId), { ...flash, values: clip(flash.values) });
        res.redirect(303, page);
      };
      // Once the work is registered (the same [業務を登録] posted again), the entries registered; an
      // [業務内容を追加] or [削除] from a page left open then changes nothing.
      const registered = order.status !== 'reporting' ? order.work?.entries : undefined;
      if (registered && op !== 'register') return res.redirect(303, page);
      const entries: DraftEntry[] = registered ? [] : await loadReportDraft(session.partnerId, order.orderId, period);

      if (op === 'add') {
        const parsed = workEntryForm(period).safeParse(values);
        if (!parsed.success) return back({ values, check: true });
        if (entries.length >= MAX_WORK_ENTRIES) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
        await saveReportDraft(session.partnerId, order.orderId, [...entries, { id: newDraftEntryId(), ...parsed.data }].sort(byDate));
        return back({ values: { date: parsed.data.date, hours: '', description: '' } });
      }
      if (op === 'remove') {
        // The entry the page showed, by its ID: gone already (removed from another tab) leaves the list as it is.
        const id = removedEntry.safeParse(formString(body, 'entry'));
        if (!id.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
        const kept = entries.filter((e) => e.id !== id.data);
        if (kept.length !== entries.length) await saveReportDraft(session.partnerId, order.orderId, kept);
        return res.redirect(303, page);
      }
      // [業務を登録]: what is still typed in the fields counts as one more entry.
      let all: WorkEntry[] = registered ?? workEntriesOf(entries);
      if (values.hours.trim() !== '' || values.description.trim() !== '') {
        const parsed = workEntryForm(period).safeParse(values);
        if (!parsed.success) return back({ values, check: true });
        all = [...all, parsed.data].sort(byDate);
      }
      if (all.length === 0) return back({ values, needOneEntry: true });
      const outcome = await takeStep(pw, session, order.orderId, { type: 'work.register', entries: all }, token.rid);
      if (outcome.kind !== 'done') return sendStepRefusal(req, res, outcome, 'work.register', order.orderId);
      await deleteReportDraft(session.partnerId, order.orderId);
      res.redirect(303, donePath(page, outcome.viewVersion));
    }),
  );

  return router;
}

// 報告書のアップロード, /partner/orders/:orderId/report/files (docs/flows/lansmart-line.md, work report and
// invoice ⑤): from the work report until the invoice is sent, the partner sends PDF or image files
// from the phone; each goes straight to the platform, which keeps it (renkei keeps no copy and never
// serves one back; the company downloads it from the platform). The file is checked here first —
// its size while it arrives, its type from its bytes — and a refused upload comes back to the same
// page by redirect (post → redirect → get), saying why once (form-flash.ts), with nothing stored
// anywhere. The upload changes no status and nothing waits on it,
// so it is not a step of the order workflow: the platform's list is the record.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { OrderStatusName } from '../../common/orders/types';
import { ProviderRejectedError } from '../../providers/http-errors';
import type { PartnerWebContext } from './context';
import { orderContext, type OrderContext } from './order-context';
import { pageRoute, partnerPageContext, sendPage } from './page-handler';
import { REPORT_FILE_TEXT } from './pages/report-file-catalogue';
import { reportFilePage } from './pages/report-file-page';
import { currentStepPath, orderPaths } from './partner-order';
import { reportFileReader, type UploadProblem } from './report-file-upload';
import { sendErrorPage } from '../web/error-pages';
import { keepFlash, takeFlash } from '../web/form-flash';

/** The order takes reports from its work report until its invoice is sent (and again after a remand). */
const TAKES_REPORTS: ReadonlySet<OrderStatusName> = new Set(['reporting', 'work_registered', 'remanded']);
const fileForm = (orderId: string) => `report-file:${orderId}`;
export const reportFilesQuery = z.object({ uploaded: z.literal('1').optional(), lang: z.enum(['ja', 'en']).optional() });

const PROBLEMS = ['no_file', 'unreadable', 'too_large', 'wrong_type', 'platform_refused', 'closed'] as const satisfies ReadonlyArray<UploadProblem | 'platform_refused' | 'closed'>;
type Problem = (typeof PROBLEMS)[number];
/** Why the last upload was refused, shown once on the page it redirects to. */
const refusalFlash = z.object({ problem: z.enum(PROBLEMS) });

export function reportFileRoutes(pw: PartnerWebContext): Router {
  const router = Router();
  const readUpload = reportFileReader(pw.reportFileMaxBytes);
  const mb = String(Math.round((pw.reportFileMaxBytes / (1024 * 1024)) * 10) / 10);
  const path = '/partner/orders/:orderId/report/files';

  /** The page: the platform's files for the order, and the form while the order takes reports. */
  async function render(req: Request, res: Response, c: OrderContext, status: number, message: { notice?: string; alert?: string }): Promise<void> {
    const { session, order } = c;
    const files = await pw.platform.listReportFiles(order.orderId, session.partnerId);
    const token = TAKES_REPORTS.has(order.status) ? pw.sessions.formToken(session, fileForm(order.orderId)) : undefined;
    const back = currentStepPath(order.orderId, order.status);
    sendPage(res, status, reportFilePage(partnerPageContext(req, res), order, { files, ...(token ? { token } : {}), maxBytes: pw.reportFileMaxBytes, back, ...message }));
  }

  router.get(
    path,
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'reportFiles');
      if (!c) return;
      const query = reportFilesQuery.safeParse(req.query);
      if (!query.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      const t = REPORT_FILE_TEXT[partnerPageContext(req, res).locale];
      const refused = await takeFlash(c.session.sid, fileForm(c.order.orderId), refusalFlash);
      if (refused) {
        const alert = { no_file: t.noFile, unreadable: t.unreadable, too_large: t.tooLarge(mb), wrong_type: t.wrongType, platform_refused: t.platformRefused, closed: t.closed }[refused.problem];
        return render(req, res, c, 200, { alert });
      }
      await render(req, res, c, 200, query.data.uploaded ? { notice: t.uploaded } : {});
    }),
  );

  router.post(
    path,
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'reportFiles');
      if (!c) return;
      const upload = await readUpload(req, res);
      const token = pw.sessions.checkFormToken(c.session, fileForm(c.order.orderId), upload.fields);
      if (!token) return sendErrorPage(req, res, { page: 'partner', code: 'forbidden' });
      const refuse = async (problem: Problem): Promise<void> => {
        req.log.info({ orderId: c.order.orderId, problem }, 'report file refused');
        await keepFlash(c.session.sid, fileForm(c.order.orderId), { problem });
        res.redirect(303, orderPaths(c.order.orderId).reportFiles);
      };
      if (!TAKES_REPORTS.has(c.order.status)) return refuse('closed');
      if (!upload.ok) return refuse(upload.problem);
      try {
        await pw.platform.uploadReportFile(c.order.orderId, c.session.partnerId, `report-file:${token.rid}`, upload.file);
      } catch (err) {
        if (!(err instanceof ProviderRejectedError) || err.status === undefined || err.status >= 500) throw err;
        if (err.status === 403 || err.status === 404) return sendErrorPage(req, res, { page: 'partner', code: 'not_found' });
        if (err.status === 413) return refuse('too_large');
        if (err.status === 415) return refuse('wrong_type');
        req.log.warn({ err }, 'the platform refused the report file');
        return refuse('platform_refused');
      }
      res.redirect(303, `${orderPaths(c.order.orderId).reportFiles}?uploaded=1`);
    }),
  );

  return router;
}

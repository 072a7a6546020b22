// The operator view (docs/design.md §2 "Operators"), behind the operator token: why someone did
// not get a notification — from a freee event, an employee, a Lansmart partner or an order — and
// the upcoming reminders across orders. JSON under /api/operator/…, one HTML page at
// /operator/explain. Reads Mongo and Temporal's describe and visibility only: no worker needed.
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { HttpError } from '../errors';
import { operatorAuth } from '../middleware/operator-auth';
import { NothingKnownError, type ExplainContext } from '../operators/explain-context';
import { explainEmployee, explainFreeeEvent } from '../operators/explain-freee';
import { employeeParams, eventIdParam, explainPageQuery, orderParam, partnerParam, problemsOf, remindersQuery, type ExplainPageQuery } from '../operators/explain-inputs';
import { explainOrder, explainPartner } from '../operators/explain-lansmart';
import { explanationPage, remindersPage } from '../operators/explain-page';
import type { Explanation } from '../operators/explanation';
import { upcomingReminders } from '../operators/upcoming-reminders';
import type { ApiDeps } from '../deps';

function parse<S extends z.ZodType>(schema: S, value: unknown, code: string, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, code, `${what} is malformed.`, { problems: problemsOf(r.error) });
  return r.data;
}

async function known<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof NothingKnownError) throw new HttpError(404, 'not_found', err.message);
    throw err;
  }
}

export function operatorExplainRouter(deps: ApiDeps): Router {
  const router = Router();
  const auth = operatorAuth(deps.config.OPERATOR_API_TOKEN);
  router.use('/api/operator', auth);
  router.use('/operator', auth);
  const ctx: ExplainContext = {
    temporal: deps.temporal,
    links: { uiBaseUrl: deps.config.TEMPORAL_UI_BASE_URL, namespace: deps.config.TEMPORAL_NAMESPACE },
  };

  const explain = (q: Exclude<ExplainPageQuery, { reminders: '1' }>): Promise<Explanation> =>
    known(() => {
      if ('event' in q) return explainFreeeEvent(ctx, q.event);
      if ('user' in q) return explainEmployee(ctx, q.company, q.user);
      if ('partner' in q) return explainPartner(ctx, q.partner);
      return explainOrder(ctx, q.order);
    });

  router.get('/api/operator/events/freee/:eventId', async (req, res) => {
    const { eventId } = parse(eventIdParam, req.params, 'invalid_event_id', 'The event ID');
    res.json(await explain({ event: eventId }));
  });
  router.get('/api/operator/employees/:companyId/:freeeUserId', async (req, res) => {
    const p = parse(employeeParams, req.params, 'invalid_employee', 'The 事業所 or freee user ID');
    res.json(await explain({ company: p.companyId, user: p.freeeUserId }));
  });
  router.get('/api/operator/partners/:partnerId', async (req, res) => {
    const { partnerId } = parse(partnerParam, req.params, 'invalid_partner_id', 'The partner ID');
    res.json(await explain({ partner: partnerId }));
  });
  router.get('/api/operator/orders/:orderId', async (req, res) => {
    const { orderId } = parse(orderParam, req.params, 'invalid_order_id', 'The order ID');
    res.json(await explain({ order: orderId }));
  });
  router.get('/api/operator/reminders', async (req, res) => {
    const q = parse(remindersQuery, req.query, 'invalid_query', 'The reminders query (companyId, day YYYY-MM-DD, limit 1–500)');
    res.json({ reminders: await upcomingReminders(ctx.links, q) });
  });

  router.get('/operator/explain', async (req: Request, res: Response) => {
    const q = parse(explainPageQuery, req.query, 'invalid_query', 'The query (one of event; company and user; partner; order; reminders=1 with company or day)');
    if ('reminders' in q) {
      res.type('html').send(remindersPage(await upcomingReminders(ctx.links, { ...(q.company ? { companyId: q.company } : {}), ...(q.day ? { day: q.day } : {}), limit: 200 })));
      return;
    }
    const title = 'event' in q ? `freee event ${q.event}` : 'user' in q ? `freee user ${q.user} of 事業所 ${q.company}` : 'partner' in q ? `partner ${q.partner}` : `order ${q.order}`;
    res.type('html').send(explanationPage(title, await explain(q)));
  });
  return router;
}

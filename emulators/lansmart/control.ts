// Lansmart control routes (under /_emulator): seeding, the company side of an order (create, work
// report, remand, payment notice, cancel, the platform's 期日超過承認), the events sent to renkei
// and their replay, the partner actions received, and the orders as the platform sees them.

import { Router, type Request } from 'express';
import { parseControlInput } from '../harness/validate';
import {
  approveOverduePaymentNotice,
  cancelOrder,
  createOrder,
  createWorkReport,
  issuePaymentNotice,
  orderOrFail,
  remandInvoice,
} from './company-actions';
import { cancelSchema, createOrderSchema, overdueApprovalSchema, paymentNoticeSchema, remandSchema, replaySchema, workReportSchema } from './control-schema';
import { replayEvents } from './event-replay';
import { orderSnapshot } from './order';
import { lansmartSeedSchema } from './seed-schema';
import type { LansmartState } from './state';

const overridesOf = (input: { signatureOverride?: string; rawBody?: string; timestamp?: number }) => ({
  ...(input.signatureOverride === undefined ? {} : { signatureOverride: input.signatureOverride }),
  ...(input.rawBody === undefined ? {} : { rawBody: input.rawBody }),
  ...(input.timestamp === undefined ? {} : { timestamp: input.timestamp }),
});

export function createLansmartControlRouter(state: LansmartState): Router {
  const router = Router();
  const orderIdOf = (req: Request): string => String(req.params.orderId);

  router.post('/seed', (req, res) => {
    state.seed(parseControlInput(lansmartSeedSchema, req.body));
    res.json({ ok: true, companies: [...state.companies.keys()], partners: [...state.partners.keys()] });
  });

  router.get('/orders', (_req, res) => {
    res.json(state.listOrders().map(orderSnapshot));
  });

  router.get('/orders/:orderId', (req, res) => {
    res.json(orderSnapshot(orderOrFail(state, orderIdOf(req))));
  });

  router.post('/orders', async (req, res) => {
    const input = parseControlInput(createOrderSchema, req.body);
    res.status(201).json(await createOrder(state, input, overridesOf(input)));
  });

  router.post('/orders/:orderId/work-report', async (req, res) => {
    const input = parseControlInput(workReportSchema, req.body ?? {});
    res.json(await createWorkReport(state, orderIdOf(req), input, overridesOf(input)));
  });

  router.post('/orders/:orderId/remand', async (req, res) => {
    const input = parseControlInput(remandSchema, req.body);
    res.json(await remandInvoice(state, orderIdOf(req), input, overridesOf(input)));
  });

  router.post('/orders/:orderId/payment-notice', async (req, res) => {
    const input = parseControlInput(paymentNoticeSchema, req.body);
    res.json(await issuePaymentNotice(state, orderIdOf(req), input, overridesOf(input)));
  });

  router.post('/orders/:orderId/cancel', async (req, res) => {
    const input = parseControlInput(cancelSchema, req.body ?? {});
    res.json(await cancelOrder(state, orderIdOf(req), input, overridesOf(input)));
  });

  router.post('/orders/:orderId/overdue-approval', async (req, res) => {
    const input = parseControlInput(overdueApprovalSchema, req.body ?? {});
    res.json(await approveOverduePaymentNotice(state, orderIdOf(req), overridesOf(input)));
  });

  router.get('/events', (_req, res) => {
    res.json(state.deliveries);
  });

  router.post('/events/replay', async (req, res) => {
    res.json(await replayEvents(state, parseControlInput(replaySchema, req.body ?? {})));
  });

  router.get('/partner-actions', (_req, res) => {
    res.json(state.partnerActions);
  });

  return router;
}

// The platform API's orders: `GET /api/v1/orders/{orderId}` (the order view) and
// `POST /api/v1/orders/{orderId}/partner-actions` — a partner action with a required
// `Idempotency-Key`. A key seen before with the same request answers the stored first answer again
// (200, `Idempotent-Replayed: true`); with a different request 422 IDEMPOTENCY_KEY_REUSED. Only
// successful answers are stored: a refused action may be retried with the same key. Every call is
// recorded for `GET /_emulator/partner-actions`.

import { Router } from 'express';
import { HttpError } from '../harness/http-error';
import { lansmartError, parseOrReject } from './errors';
import { newLansmartId } from './ids';
import { orderSnapshot, type Order } from './order';
import { partnerActionSchema, type RecordedPartnerAction } from './partner-action-schema';
import { applyPartnerAction } from './partner-actions';
import type { LansmartState } from './state';

const stringField = (body: unknown, name: string): string | null => {
  if (typeof body !== 'object' || body === null || !(name in body)) return null;
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
};

const errorCodeOf = (error: HttpError): string | null => {
  const inner: unknown = typeof error.body === 'object' && error.body !== null && 'error' in error.body ? error.body.error : undefined;
  return stringField(inner, 'code');
};

export function createOrderRouter(state: LansmartState): Router {
  const router = Router();

  const orderOf = (orderId: string): Order => {
    const order = state.orders.get(orderId);
    if (order === undefined) throw lansmartError(404, 'NOT_FOUND', '発注書が見つかりません');
    return order;
  };

  router.get('/orders/:orderId', (req, res) => {
    res.json(orderSnapshot(orderOf(String(req.params.orderId))));
  });

  router.post('/orders/:orderId/partner-actions', (req, res) => {
    const orderId = String(req.params.orderId);
    const body: unknown = req.body;
    const idempotencyKey = req.get('idempotency-key')?.trim() || null;
    const record = (entry: Pick<RecordedPartnerAction, 'status' | 'actionId' | 'replayed' | 'errorCode'>): void => {
      state.partnerActions.push({ at: new Date().toISOString(), orderId, idempotencyKey, type: stringField(body, 'type'), partnerId: stringField(body, 'partnerId'), ...entry });
    };
    try {
      if (idempotencyKey === null) throw lansmartError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key ヘッダーを指定してください');
      const fingerprint = JSON.stringify({ orderId, body });
      const stored = state.idempotentAnswers.get(idempotencyKey);
      if (stored !== undefined) {
        if (stored.fingerprint !== fingerprint) {
          throw lansmartError(422, 'IDEMPOTENCY_KEY_REUSED', 'この Idempotency-Key は別のリクエストで使われています');
        }
        record({ status: 200, actionId: stored.actionId, replayed: true, errorCode: null });
        res.set('Idempotent-Replayed', 'true').json(stored.body);
        return;
      }
      const action = parseOrReject(partnerActionSchema, body);
      const order = orderOf(orderId);
      const actionId = newLansmartId('act');
      applyPartnerAction(state, order, action, actionId);
      const answer = { actionId, order: orderSnapshot(order) };
      state.idempotentAnswers.set(idempotencyKey, { fingerprint, body: answer, actionId });
      record({ status: 200, actionId, replayed: false, errorCode: null });
      res.json(answer);
    } catch (error) {
      if (error instanceof HttpError) record({ status: error.status, actionId: null, replayed: false, errorCode: errorCodeOf(error) });
      throw error;
    }
  });

  return router;
}

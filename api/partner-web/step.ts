// One step of the partner on an order, taken from a page: a workflow update answered when the
// platform has recorded it, whose ID is the form's request ID (the same form posted twice is the
// same update, so one step). A refusal — done already, too early, the order ended, the platform
// saying no — comes back as a reason to show; it changed nothing.
import type { Request, Response } from 'express';
import { ErrorType } from '../../common/errors';
import type { ApprovalMissing } from '../../common/orders/approval-rule';
import type { OrderStatusName, PartnerAction, PartnerActionResult } from '../../common/orders/types';
import { OrderCommandError, OrderNotRunningError } from '../temporal/order-commands';
import type { PartnerWebContext } from './context';
import type { PartnerSession } from '../web/session';
import { sendErrorPage, type StepRefusal } from '../web/error-pages';
import { currentStepPath, orderPaths } from './partner-order';

export type StepOutcome =
  /** `viewVersion`: the read model holds at least this version (unknown from runs before versions). */
  | { kind: 'done'; status: OrderStatusName; viewVersion?: number; result?: PartnerActionResult }
  | { kind: 'refused'; reason: StepRefusal; status?: OrderStatusName }
  | { kind: 'not_found' }
  /** An approval before 口座情報, 基本情報 or the final check (common/orders/approval-rule.ts). */
  | { kind: 'incomplete'; missing: ApprovalMissing }
  /** The platform could not be reached (after the activity's retries): nothing recorded; try again. */
  | { kind: 'unavailable' };

const OUTAGE_TYPES = new Set<string>([ErrorType.PROVIDER_UNAVAILABLE, ErrorType.RATE_LIMITED]);

/** The update ID of a step taken from a page form. */
export const webRequestId = (action: PartnerAction['type'], rid: string): string => `web:${action}:${rid}`;

export async function takeStep(pw: PartnerWebContext, session: PartnerSession, orderId: string, action: PartnerAction, rid: string): Promise<StepOutcome> {
  const requestId = webRequestId(action.type, rid);
  try {
    const result = await pw.orders.partnerAction(orderId, { partnerId: session.partnerId, via: 'web', action }, requestId);
    return { kind: 'done', status: result.status, ...(result.viewVersion !== undefined ? { viewVersion: result.viewVersion } : {}), result };
  } catch (err) {
    if (err instanceof OrderNotRunningError) {
      if (!err.state) return { kind: 'not_found' };
      // The step that closed the order, posted again after the order ended: its first answer.
      if (err.state.appliedActionIds.includes(requestId)) {
        return { kind: 'done', status: err.state.status, ...(err.state.viewVersion !== undefined ? { viewVersion: err.state.viewVersion } : {}) };
      }
      return { kind: 'refused', reason: 'order_closed', status: err.state.status };
    }
    if (err instanceof OrderCommandError) {
      if (err.type === ErrorType.NOT_ORDER_PARTNER) return { kind: 'not_found' };
      if (err.type === ErrorType.APPROVAL_INCOMPLETE) return { kind: 'incomplete', missing: err.missing ?? 'confirmation' };
      if (OUTAGE_TYPES.has(err.type)) return { kind: 'unavailable' };
      if (err.refusal) return { kind: 'refused', reason: err.refusal.reason, status: err.refusal.status };
      return { kind: 'refused', reason: 'platform_refused' };
    }
    throw err;
  }
}

/**
 * Answers a step that did not happen: not found, try later, on to what an approval still needs, a
 * page opened too early on to the step the order waits for, or the refusal with where the order
 * stands.
 */
export function sendStepRefusal(req: Request, res: Response, outcome: Exclude<StepOutcome, { kind: 'done' }>, action: PartnerAction['type'], orderId: string): void {
  if (outcome.kind === 'not_found') return sendErrorPage(req, res, { page: 'partner', code: 'not_found' });
  if (outcome.kind === 'unavailable') return sendErrorPage(req, res, { page: 'partner', code: 'unavailable' });
  // The order page leads through what is missing (口座情報, 基本情報) to the final check.
  if (outcome.kind === 'incomplete') return res.redirect(303, orderPaths(orderId).order);
  const href = outcome.status ? currentStepPath(orderId, outcome.status) : orderPaths(orderId).order;
  // A link that opens a step too early (the reminder's 「請求書を作成する」 before 稼動 is
  // registered) leads on to the step the order waits for instead of a dead end.
  if (req.method === 'GET' && outcome.reason === 'not_yet' && href !== req.path) return res.redirect(303, href);
  sendErrorPage(req, res, { page: 'step', action, reason: outcome.reason, ...(outcome.status ? { status: outcome.status } : {}), href });
}

// One purchase order of Lansmart, from 発注書 to the approved 支払通知書 (`order:{orderId}`).
// Company events and partner steps arrive as updates (answered synchronously, refused with a typed
// failure when the status does not allow them, de-duplicated by event / request ID); reminders and
// the overdue approval are timers; every notification goes out from an outbox so a slow channel
// never holds up a step.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import type { Activities } from '../activities';
import { ErrorType, NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import { applyCompanyEventUpdate, orderStatusQuery, partnerActionUpdate, upcomingRemindersQuery } from '../common/orders/messages';
import { followsInvoiceReminderRule } from '../common/orders/invoice-reminder-rule';
import { cancelPendingReminders, dueReminders, nextReminderAt, scheduleReminders } from '../common/orders/reminders';
import { jstDate } from '../common/orders/schedule';
import { AWAITING_INVOICE, refuseCompanyEvent, refusePartnerAction, type Refusal } from '../common/orders/transitions';
import {
  TERMINAL_ORDER_STATUSES,
  type CompanyEvent,
  type CompanyEventResult,
  type OrderNotificationRecord,
  type OrderState,
  type OrderStatusName,
  type PartnerAction,
  type PartnerActionRequest,
  type PartnerActionResult,
  type StartOrderInput,
} from '../common/orders/types';
import type { PartnerNotificationKind } from '../common/partners/notifications';
import { partnerNotificationPath, partnerNotificationText } from '../common/partners/notifications';
import { orderApprovePostback } from '../common/partners/postbacks';
import { CompanyId, OrderId, OrderStatus, PartnerId } from '../common/search-attributes';
import { rethrowBusinessFailure } from './activity-failure';
import { deliverToPartner } from './partner-delivery';

const { reportPartnerAction } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', maximumAttempts: 4, nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

const { saveOrderView } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { reportOverdueApproval } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '7 days',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

export interface OrderWorkflowInput {
  start: StartOrderInput;
  /** Carried across continue-as-new. */
  state?: OrderState;
}

const MAX_REMEMBERED_IDS = 500;

function remember(ids: string[], id: string): void {
  ids.push(id);
  if (ids.length > MAX_REMEMBERED_IDS) ids.splice(0, ids.length - MAX_REMEMBERED_IDS);
}

function refusalFailure(refusal: Refusal, what: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: ErrorType.INVALID_TRANSITION,
    message: `${what} is not possible while the order is ${refusal.status} (${refusal.reason})`,
    nonRetryable: true,
    details: [refusal],
  });
}

function initialState(start: StartOrderInput): OrderState {
  return {
    orderId: start.orderId,
    companyId: start.companyId,
    partnerId: start.partnerId,
    status: 'ordered',
    details: start.details,
    createdAt: start.occurredAt,
    remands: [],
    reminders: [],
    notifications: [],
    appliedEventIds: [start.eventId],
    appliedActionIds: [],
  };
}

export async function orderLifecycleWorkflow(input: OrderWorkflowInput): Promise<OrderState> {
  const { start } = input;
  const state: OrderState = input.state ?? initialState(start);
  const { workflowId } = workflowInfo();
  let version = 0;
  // Partner steps and the overdue approval run one at a time (each waits for the one before it to
  // finish its activity).
  const lock = new Mutex();
  const changed = (): void => {
    version++;
  };
  const setStatus = (status: OrderStatusName): void => {
    state.status = status;
    upsertSearchAttributes([{ key: OrderStatus, value: status }]);
    changed();
  };
  const enqueue = (kind: PartnerNotificationKind, suffix: string): void => {
    const key = `${workflowId}:${kind}:${suffix}`;
    if (state.notifications.some((n) => n.key === key)) return;
    state.notifications.push({ key, kind, status: 'queued', queuedAt: new Date().toISOString() });
    changed();
  };

  if (!input.state) {
    upsertSearchAttributes([
      { key: OrderId, value: state.orderId },
      { key: PartnerId, value: state.partnerId },
      { key: CompanyId, value: state.companyId },
      { key: OrderStatus, value: state.status },
    ]);
    enqueue('order_created', '0');
  }

  setHandler(orderStatusQuery, () => state);
  setHandler(upcomingRemindersQuery, () => state.reminders.filter((r) => r.status === 'scheduled'));

  /** Due instants come from the API; one that does not follow the rule is kept but logged. */
  const checkReminderRule = (dueAts: string[], fromJstDate: string): void => {
    if (!followsInvoiceReminderRule(dueAts, fromJstDate)) log.warn('reminder instants that do not follow the invoice reminder rule', { orderId: state.orderId, fromJstDate, dueAts });
  };

  const applyCompanyEvent = (event: CompanyEvent): void => {
    const now = Date.now();
    switch (event.type) {
      case 'work_report.created':
        state.report = { ...event.data, createdAt: event.occurredAt };
        // 「請求書を作成してください」 the day after and two days after the 締め日 (invoiceReminderDueAts, computed by the API).
        checkReminderRule(event.reminderDueAts, event.data.closingDate);
        state.reminders = scheduleReminders(state.reminders, 0, event.reminderDueAts, now);
        setStatus('reporting');
        enqueue('work_report_created', event.data.reportId);
        return;
      case 'invoice.remanded': {
        state.remands.push({ invoiceId: event.data.invoiceId, reason: event.data.reason, at: event.occurredAt });
        // The same reminders again, counted from the remand's JST day (remandReminderDueAts, computed by the API).
        checkReminderRule(event.reminderDueAts, jstDate(new Date(event.occurredAt)));
        state.reminders = scheduleReminders(state.reminders, state.remands.length, event.reminderDueAts, now);
        setStatus('remanded');
        enqueue('invoice_remanded', String(state.remands.length));
        return;
      }
      case 'payment_notice.issued':
        // 期日超過承認 at the end of the due date's JST day (paymentNoticeOverdueAt, computed by the API).
        state.paymentNotice = { ...event.data, approvalDueAt: event.approvalDueAt, issuedAt: event.occurredAt };
        setStatus('payment_notice_issued');
        enqueue('payment_notice_issued', event.data.paymentNoticeId);
        return;
      case 'order.cancelled':
        cancelPendingReminders(state.reminders);
        state.closedAt = event.occurredAt;
        state.closedBy = 'cancelled';
        setStatus('cancelled');
        return;
    }
  };

  setHandler(
    applyCompanyEventUpdate,
    (event: CompanyEvent): CompanyEventResult => {
      if (state.appliedEventIds.includes(event.eventId)) return { status: state.status, duplicate: true };
      remember(state.appliedEventIds, event.eventId);
      applyCompanyEvent(event);
      return { status: state.status, duplicate: false };
    },
    {
      validator: (event: CompanyEvent) => {
        if (state.appliedEventIds.includes(event.eventId)) return;
        const refusal = refuseCompanyEvent(event.type, state.status);
        if (refusal) throw refusalFailure(refusal, event.type);
      },
    },
  );

  const applyPartnerAction = (action: PartnerAction): void => {
    const now = new Date().toISOString();
    switch (action.type) {
      case 'order.approve':
        state.approvedAt = now;
        setStatus('approved');
        return;
      case 'work.register':
        state.work = { entries: action.entries, registeredAt: now };
        setStatus('work_registered');
        return;
      case 'invoice.submit': {
        const total = [...action.items, ...action.expenses].reduce((sum, line) => sum + line.amountYen, 0);
        state.invoice = {
          billingMonth: action.billingMonth,
          items: action.items,
          expenses: action.expenses,
          totalYen: total,
          submittedAt: now,
          submissions: (state.invoice?.submissions ?? 0) + 1,
        };
        cancelPendingReminders(state.reminders);
        setStatus('invoiced');
        return;
      }
      case 'payment_notice.approve':
        state.closedAt = now;
        state.closedBy = 'partner';
        setStatus('closed');
        return;
    }
  };

  const validatePartnerAction = (req: PartnerActionRequest): void => {
    const requestId = currentUpdateInfo()?.id;
    if (requestId && state.appliedActionIds.includes(requestId)) return;
    if (req.partnerId !== state.partnerId) {
      throw ApplicationFailure.nonRetryable('only the order’s partner can do this', ErrorType.NOT_ORDER_PARTNER);
    }
    const refusal = refusePartnerAction(req.action.type, state.status);
    if (refusal) throw refusalFailure(refusal, req.action.type);
  };

  setHandler(
    partnerActionUpdate,
    (req: PartnerActionRequest) =>
      lock.runExclusive(async (): Promise<PartnerActionResult> => {
        const requestId = currentUpdateInfo()?.id ?? `${Date.now()}`;
        // Re-checked under the lock: another step may have run while this one waited.
        if (!state.appliedActionIds.includes(requestId)) validatePartnerAction(req);
        else return { status: state.status, actionId: requestId };
        let actionId: string;
        try {
          ({ actionId } = await reportPartnerAction({
            orderId: state.orderId,
            partnerId: req.partnerId,
            idempotencyKey: `${workflowId}:${requestId}`,
            action: req.action,
          }));
        } catch (err) {
          rethrowBusinessFailure(err);
        }
        remember(state.appliedActionIds, requestId);
        applyPartnerAction(req.action);
        if (req.via === 'line') replyOnLine(requestId, req.action);
        return { status: state.status, actionId };
      }),
    { validator: validatePartnerAction },
  );

  /** A step taken from LINE gets its confirmation in the talk room. */
  const lineReplies: Array<{ key: string; text: string }> = [];
  const replyOnLine = (requestId: string, action: PartnerAction): void => {
    if (action.type !== 'order.approve') return;
    lineReplies.push({ key: `${workflowId}:line_reply:${requestId}`, text: `発注書 ${state.details.orderNumber} を承認しました。` });
    changed();
  };

  /** The due date passed with the notice still pending: approved on the partner's behalf. */
  const approveOverdue = async (): Promise<void> => {
    await lock.runExclusive(async () => {
      if (state.status !== 'payment_notice_issued') return;
      await reportOverdueApproval({ orderId: state.orderId, partnerId: state.partnerId, idempotencyKey: `${workflowId}:overdue-approval` });
      state.closedAt = new Date().toISOString();
      state.closedBy = 'overdue_approval';
      setStatus('closed');
      enqueue('payment_notice_auto_approved', state.paymentNotice?.paymentNoticeId ?? '0');
    });
  };

  const sendReminders = (nowMs: number): void => {
    for (const reminder of dueReminders(state.reminders, nowMs)) {
      if (!AWAITING_INVOICE.includes(state.status)) {
        reminder.status = 'cancelled';
        continue;
      }
      reminder.status = 'sent';
      reminder.sentAt = new Date(nowMs).toISOString();
      enqueue('invoice_reminder', reminder.key);
    }
    changed();
  };

  // Deliveries run beside the main loop: one slow channel never holds up a step or a timer.
  const inFlight = new Set<string>();
  const notificationContext = () => ({
    orderNumber: state.details.orderNumber,
    orderTitle: state.details.title,
    reason: state.remands[state.remands.length - 1]?.reason,
    approvalDueDate: state.paymentNotice?.approvalDueDate,
  });
  const startDelivery = (n: OrderNotificationRecord): void => {
    inFlight.add(n.key);
    const kind = n.kind;
    deliverToPartner({
      notificationKey: n.key,
      workflowId,
      partnerId: state.partnerId,
      kind,
      text: partnerNotificationText(kind, notificationContext()),
      path: partnerNotificationPath(kind, state.orderId),
      orderId: state.orderId,
      ...(kind === 'order_created' && state.status === 'ordered' ? { postback: { label: '承認する', data: orderApprovePostback(state.orderId) } } : {}),
    })
      .catch((err: unknown) => {
        n.error = String(err);
        log.warn('a partner notification of the order was not delivered', { orderId: state.orderId, notificationKey: n.key, error: n.error });
      })
      .finally(() => {
        n.status = 'done';
        inFlight.delete(n.key);
        changed();
      });
  };
  const startReply = (reply: { key: string; text: string }): void => {
    inFlight.add(reply.key);
    deliverToPartner(
      {
        notificationKey: reply.key,
        workflowId,
        partnerId: state.partnerId,
        kind: 'line_reply',
        text: { title: reply.text, body: '', linkLabel: '発注書を見る' },
        path: partnerNotificationPath('order_created', state.orderId),
        orderId: state.orderId,
      },
      { lineOnly: true },
    )
      .catch((err: unknown) => {
        log.warn('the LINE reply to a tap on the order was not delivered', { orderId: state.orderId, notificationKey: reply.key, error: String(err) });
      })
      .finally(() => {
        inFlight.delete(reply.key);
        changed();
      });
  };

  let savedVersion = -1;
  for (;;) {
    // Taken before this pass awaits anything: an update or a delivery that ends while the order
    // view is being saved must still wake the wait below.
    const seen = version;
    for (const n of state.notifications) if (n.status === 'queued' && !inFlight.has(n.key)) startDelivery(n);
    for (const reply of lineReplies.splice(0)) startReply(reply);
    if (savedVersion !== version) {
      savedVersion = version;
      await saveOrderView({ state });
    }
    const ended = TERMINAL_ORDER_STATUSES.includes(state.status);
    if (ended && inFlight.size === 0 && !lock.isLocked()) {
      await condition(allHandlersFinished);
      if (savedVersion === version) return state;
      continue;
    }
    if (workflowInfo().continueAsNewSuggested && inFlight.size === 0 && !lock.isLocked()) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof orderLifecycleWorkflow>({ start, state });
    }
    const reminderAt = AWAITING_INVOICE.includes(state.status) ? nextReminderAt(state.reminders) : undefined;
    const approvalAt = state.status === 'payment_notice_issued' && state.paymentNotice ? Date.parse(state.paymentNotice.approvalDueAt) : undefined;
    const dueAt = Math.min(reminderAt ?? Infinity, approvalAt ?? Infinity);
    const woke = Number.isFinite(dueAt)
      ? await condition(() => version !== seen, Math.max(dueAt - Date.now(), 1))
      : await condition(() => version !== seen);
    if (woke) continue;
    const now = Date.now();
    if (reminderAt !== undefined && reminderAt <= now) sendReminders(now);
    if (approvalAt !== undefined && approvalAt <= now) await approveOverdue();
  }
}

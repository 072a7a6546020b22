// One purchase order of Lansmart, from 発注書 to the approved 支払通知書 (`order:{orderId}`).
// Company events and partner steps arrive as updates (answered synchronously, refused with a typed
// failure when the status does not allow them, de-duplicated by event / request ID); reminders and
// the overdue approval are timers; every notification goes out from an outbox (./outbox) so a slow
// channel never holds up a step.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  patched,
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
import { orderViewOf } from '../common/orders/order-view';
import { jstDate } from '../common/orders/schedule';
import { missingForApproval } from '../common/orders/approval-rule';
import { doneNotificationKinds } from '../common/orders/notification-steps';
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
import { DueTimer } from './due-timer';
import { Outbox } from './outbox';
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

/** The platform's payment_notice.overdue_approved closes the order (histories before it never saw one). */
const PLATFORM_OVERDUE_APPROVAL_PATCH = 'platform-overdue-approval';

/** A delivered notification saves the view only if its in-app copy is to be marked done at once. */
const SAVE_VIEW_ONLY_WHEN_STEP_DONE_PATCH = 'order-view-save-after-delivery-only-when-done';
/**
 * The read model is saved before the notifications of a change are started, so a partner who taps
 * one at once finds the page at the step it announces (they were started in the same task as the
 * save, and could arrive first).
 */
const VIEW_BEFORE_NOTIFICATIONS_PATCH = 'order-view-before-notifications';
/**
 * Decided once, when a run starts (its marker goes into the run's first task, not into the task of
 * a timer that ten thousand orders share):
 * - a reminder asks again for the step the page shows already, so its delivery activity saves the
 *   read model before it sends: one activity and one workflow task per reminder instead of two each;
 * - the timer of the next due instant is kept while the loop wakes for other work, instead of being
 *   cancelled and started again at every wake.
 */
const LEAN_WAKE_PATCH = 'order-reminder-one-activity-one-timer';

/** Notifications that repeat a step already announced: the page they open does not change. */
const REPEATS_A_STEP: readonly PartnerNotificationKind[] = ['invoice_reminder'];

/** The confirmation in the talk room of a step taken from LINE. */
interface LineReply {
  key: string;
  text: string;
}

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
  const leanWake = patched(LEAN_WAKE_PATCH);
  /** The order changed since its view was last saved (the main loop saves it). */
  let unsaved = true;
  /** A step saved the view itself: the main loop looks again at where the order stands (it may have ended). */
  let recheck = false;
  // Partner steps and the overdue approval run one at a time (each waits for the one before it to
  // finish its activity).
  const lock = new Mutex();
  const changed = (): void => {
    unsaved = true;
  };
  /**
   * The order's read model (what the pages read) at its next version, to save now. Called right
   * in the `await saveOrderView(…)` so the main loop awaits exactly as before (replay).
   */
  const nextView = (): { view: ReturnType<typeof orderViewOf>; notifications: { key: string; kind: string }[] } => {
    // Cleared before the save: an update or a delivery that ends while it runs marks the order
    // unsaved again, which wakes the main loop's wait.
    unsaved = false;
    state.viewVersion = (state.viewVersion ?? 0) + 1;
    // The notification keys let the save mark the done in-app notifications by their `_id`.
    return { view: orderViewOf(state, state.viewVersion), notifications: state.notifications.map(({ key, kind }) => ({ key, kind })) };
  };
  /** The read model the notifications started now carry, saved by their delivery first (LEAN_WAKE_PATCH). */
  let carriedView: ReturnType<typeof nextView> | undefined;
  /** The keys of the notifications that carried it: one that fails leaves the view to the main loop. */
  const carriedBy = new Set<string>();
  // Deliveries run beside the main loop: one slow channel never holds up a step or a timer.
  const notificationContext = () => ({
    orderNumber: state.details.orderNumber,
    orderTitle: state.details.title,
    reason: state.remands[state.remands.length - 1]?.reason,
    approvalDueDate: state.paymentNotice?.approvalDueDate,
  });
  const notices: Outbox<OrderNotificationRecord> = new Outbox<OrderNotificationRecord>({
    send: (n) => {
      if (carriedView) carriedBy.add(n.key);
      return deliverToPartner(
        {
          notificationKey: n.key,
          workflowId,
          partnerId: state.partnerId,
          kind: n.kind,
          text: partnerNotificationText(n.kind, notificationContext()),
          path: partnerNotificationPath(n.kind, state.orderId),
          orderId: state.orderId,
          ...(n.kind === 'order_created' && state.status === 'ordered' ? { postback: { label: '承認する', data: orderApprovePostback(state.orderId) } } : {}),
        },
        carriedView ? { viewFirst: carriedView } : {},
      );
    },
    failed: (n, error) => {
      n.error = error;
      // Its view may not have been saved: the main loop saves the order's view again.
      if (carriedBy.has(n.key)) changed();
    },
    settled: (n) => {
      n.status = 'done';
      // The view leaves the notifications out: it is saved again only when the in-app notification
      // just written waits for a step the order has passed already (the save marks it done).
      if (patched(SAVE_VIEW_ONLY_WHEN_STEP_DONE_PATCH) && !doneNotificationKinds(state.status).includes(n.kind)) recheck = true;
      else changed();
    },
    failureMessage: 'a partner notification of the order was not delivered',
    logContext: () => ({ orderId: state.orderId }),
  });
  const lineReplies: Outbox<LineReply> = new Outbox<LineReply>({
    send: (reply) =>
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
      ),
    failed: (reply, error) => {
      state.lineReplyErrors = [...(state.lineReplyErrors ?? []), { key: reply.key, error, at: new Date().toISOString() }].slice(-10);
    },
    settled: () => changed(),
    failureMessage: 'the LINE reply to a tap on the order was not delivered',
    logContext: () => ({ orderId: state.orderId }),
  });
  // Queued before a continue-as-new (or before this code ran): sent by this run.
  for (const n of state.notifications) if (n.status === 'queued') notices.add(n);

  const setStatus = (status: OrderStatusName): void => {
    state.status = status;
    upsertSearchAttributes([{ key: OrderStatus, value: status }]);
    changed();
  };
  const enqueue = (kind: PartnerNotificationKind, suffix: string): void => {
    const key = `${workflowId}:${kind}:${suffix}`;
    if (state.notifications.some((n) => n.key === key)) return;
    const record: OrderNotificationRecord = { key, kind, status: 'queued', queuedAt: new Date().toISOString() };
    state.notifications.push(record);
    notices.add(record);
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
      case 'payment_notice.overdue_approved':
        // The platform's own 期日超過承認: the wait for the partner ends and they are told, once (the
        // same notification key as renkei's own overdue approval, so one of the two sends it).
        if (!patched(PLATFORM_OVERDUE_APPROVAL_PATCH) || state.status !== 'payment_notice_issued') return;
        state.closedAt = event.occurredAt;
        state.closedBy = 'overdue_approval';
        setStatus('closed');
        enqueue('payment_notice_auto_approved', state.paymentNotice?.paymentNoticeId ?? '0');
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

  /**
   * The update's validator: the status, then the approval rule (approval-rule.ts) for every entry
   * point. Validators do not run again on replay and a refused update leaves no history, so the
   * rule needs no patch; the handler's re-check under the lock stays the status one.
   */
  const validatePartnerRequest = (req: PartnerActionRequest): void => {
    validatePartnerAction(req);
    if (req.action.type !== 'order.approve') return;
    const requestId = currentUpdateInfo()?.id;
    if (requestId && state.appliedActionIds.includes(requestId)) return;
    const missing = missingForApproval(req.action.checks);
    if (missing) {
      throw ApplicationFailure.create({
        type: ErrorType.APPROVAL_INCOMPLETE,
        message: `the order cannot be approved yet: ${missing} is missing`,
        nonRetryable: true,
        details: [{ missing }],
      });
    }
  };

  setHandler(
    partnerActionUpdate,
    (req: PartnerActionRequest) =>
      lock.runExclusive(async (): Promise<PartnerActionResult> => {
        const requestId = currentUpdateInfo()?.id ?? `${Date.now()}`;
        // Re-checked under the lock: another step may have run while this one waited.
        if (!state.appliedActionIds.includes(requestId)) validatePartnerAction(req);
        else return { status: state.status, actionId: requestId, ...(state.viewVersion !== undefined ? { viewVersion: state.viewVersion } : {}) };
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
        // The page that took the step shows the new state from the read model: written before the
        // answer, so the page reads its own write.
        if (patched('order-view-before-step-answer')) {
          await saveOrderView(nextView());
          recheck = true;
          return { status: state.status, actionId, viewVersion: state.viewVersion ?? 0 };
        }
        return { status: state.status, actionId };
      }),
    { validator: validatePartnerRequest },
  );

  /** A step taken from LINE gets its confirmation in the talk room. */
  const replyOnLine = (requestId: string, action: PartnerAction): void => {
    if (action.type !== 'order.approve') return;
    lineReplies.add({ key: `${workflowId}:line_reply:${requestId}`, text: `発注書 ${state.details.orderNumber} を承認しました。` });
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

  const startDeliveries = (): void => {
    notices.startQueued();
    lineReplies.startQueued();
  };

  const dueTimer = new DueTimer();
  for (;;) {
    recheck = false;
    const viewFirst = patched(VIEW_BEFORE_NOTIFICATIONS_PATCH);
    if (!viewFirst) startDeliveries();
    const onlyRepeats = unsaved && viewFirst && !lineReplies.hasQueued && notices.allQueued((n) => REPEATS_A_STEP.includes(n.kind));
    if (onlyRepeats && leanWake) {
      carriedView = nextView();
      notices.startQueued();
      carriedView = undefined;
    }
    if (unsaved) await saveOrderView(nextView());
    if (viewFirst) startDeliveries();
    const sending = notices.sending || lineReplies.sending;
    const ended = TERMINAL_ORDER_STATUSES.includes(state.status);
    if (ended && !sending && !lock.isLocked()) {
      await condition(allHandlersFinished);
      if (!unsaved) return state;
      continue;
    }
    if (workflowInfo().continueAsNewSuggested && !sending && !lock.isLocked()) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof orderLifecycleWorkflow>({ start, state });
    }
    const reminderAt = AWAITING_INVOICE.includes(state.status) ? nextReminderAt(state.reminders) : undefined;
    const approvalAt = state.status === 'payment_notice_issued' && state.paymentNotice ? Date.parse(state.paymentNotice.approvalDueAt) : undefined;
    const dueAt = Math.min(reminderAt ?? Infinity, approvalAt ?? Infinity);
    const hasWork = (): boolean => unsaved || recheck || notices.hasQueued || lineReplies.hasQueued;
    const woke = leanWake
      ? await dueTimer.wait(dueAt, hasWork)
      : Number.isFinite(dueAt)
        ? await condition(hasWork, Math.max(dueAt - Date.now(), 1))
        : await condition(hasWork);
    if (woke) continue;
    const now = Date.now();
    if (reminderAt !== undefined && reminderAt <= now) sendReminders(now);
    if (approvalAt !== undefined && approvalAt <= now) await approveOverdue();
  }
}

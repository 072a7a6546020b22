// The commands the API sends to order workflows: start on `order.created` (the workflow ID makes a
// redelivered event a duplicate), company events and partner steps as updates whose ID is the
// event / request ID (a repeat is the same update), and the status queries. A refused step
// surfaces as OrderCommandError with the ApplicationFailure type and the refusal.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ErrorType } from '../../common/errors';
import { orderWorkflowId } from '../../common/ids';
import type { ApprovalMissing } from '../../common/orders/approval-rule';
import { applyCompanyEventUpdate, orderStatusQuery, partnerActionUpdate, upcomingRemindersQuery } from '../../common/orders/messages';
import type { Refusal } from '../../common/orders/transitions';
import type { CompanyEvent, CompanyEventResult, OrderState, PartnerActionRequest, PartnerActionResult, ReminderEntry, StartOrderInput } from '../../common/orders/types';
import { CompanyId, OrderId, OrderStatus, PartnerId } from '../../common/search-attributes';
import type { ApiMetrics } from '../../observability/api-metrics';
import type { orderLifecycleWorkflow } from '../../workflows/order-lifecycle';
import { startOnce, type StartOutcome } from './start-once';

export class OrderCommandError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly refusal?: Refusal,
    /** For APPROVAL_INCOMPLETE: the first thing the approval still needs. */
    readonly missing?: ApprovalMissing,
  ) {
    super(message);
    this.name = 'OrderCommandError';
  }
}

/** The order does not exist, or has ended (then `state` is its final state). */
export class OrderNotRunningError extends Error {
  constructor(
    readonly orderId: string,
    readonly state?: OrderState,
  ) {
    super(state ? `order ${orderId} has ended (${state.status})` : `order ${orderId} is unknown`);
    this.name = 'OrderNotRunningError';
  }
}

export interface OrderCommands {
  start(input: StartOrderInput): Promise<StartOutcome>;
  applyCompanyEvent(orderId: string, event: CompanyEvent): Promise<CompanyEventResult>;
  partnerAction(orderId: string, request: PartnerActionRequest, requestId: string): Promise<PartnerActionResult>;
  status(orderId: string): Promise<OrderState>;
  upcomingReminders(orderId: string): Promise<ReminderEntry[]>;
}

/**
 * `stepTimeoutMs`: how long a partner's step waits for a worker to answer; past it the update call
 * ends with WorkflowUpdateRPCTimeoutOrCancelledError (an outage, api/errors.ts) and the same step
 * posted again is the same update.
 */
export function orderCommands(client: Client, metrics: ApiMetrics, taskQueue: string, stepTimeoutMs = 20_000): OrderCommands {
  const handle = (orderId: string) => client.workflow.getHandle<typeof orderLifecycleWorkflow>(orderWorkflowId(orderId));

  /** Maps "not running" answers: unknown order, or one that has ended (with its final state). */
  const notRunning = async (orderId: string, err: unknown): Promise<never> => {
    if (err instanceof WorkflowNotFoundError) {
      try {
        const description = await handle(orderId).describe();
        if (description.status.name !== 'RUNNING') throw new OrderNotRunningError(orderId, await handle(orderId).result());
      } catch (inner) {
        if (inner instanceof OrderNotRunningError) throw inner;
        if (inner instanceof WorkflowNotFoundError) throw new OrderNotRunningError(orderId);
        throw inner;
      }
    }
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      if (err.cause.type === ErrorType.APPROVAL_INCOMPLETE) {
        const missing = (err.cause.details?.[0] as { missing?: ApprovalMissing } | undefined)?.missing ?? 'confirmation';
        throw new OrderCommandError(err.cause.type, err.cause.message, undefined, missing);
      }
      const refusal = err.cause.details?.[0] as Refusal | undefined;
      throw new OrderCommandError(err.cause.type ?? 'UNKNOWN', err.cause.message, refusal);
    }
    throw err;
  };

  return {
    start(input) {
      return startOnce<typeof orderLifecycleWorkflow>(client, metrics, 'orderLifecycleWorkflow', {
        workflowId: orderWorkflowId(input.orderId),
        taskQueue,
        args: [{ start: input }],
        typedSearchAttributes: [
          { key: OrderId, value: input.orderId },
          { key: PartnerId, value: input.partnerId },
          { key: CompanyId, value: input.companyId },
          { key: OrderStatus, value: 'ordered' },
        ],
        staticSummary: `発注書 ${input.details.orderNumber}「${input.details.title}」 — partner ${input.partnerId}`,
        staticDetails: `Lansmart order ${input.orderId} of company ${input.companyId} for partner ${input.partnerId}; 締め日 ${input.details.closingDate}.`,
      });
    },

    async applyCompanyEvent(orderId, event) {
      try {
        // A fresh update ID per delivery: the workflow itself tells a redelivered event apart.
        return await handle(orderId).executeUpdate(applyCompanyEventUpdate, { args: [event], updateId: `${event.eventId}:${randomUUID()}` });
      } catch (err) {
        return notRunning(orderId, err);
      }
    },

    async partnerAction(orderId, request, requestId) {
      try {
        return await client.withDeadline(Date.now() + stepTimeoutMs, () => handle(orderId).executeUpdate(partnerActionUpdate, { args: [request], updateId: requestId }));
      } catch (err) {
        return notRunning(orderId, err);
      }
    },

    async status(orderId) {
      try {
        return await handle(orderId).query(orderStatusQuery);
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw new OrderNotRunningError(orderId);
        throw err;
      }
    },

    async upcomingReminders(orderId) {
      try {
        return await handle(orderId).query(upcomingRemindersQuery);
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw new OrderNotRunningError(orderId);
        throw err;
      }
    },
  };
}

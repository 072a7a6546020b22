// "Why didn't partner P get notification N about order O" (Lansmart × LINE): the order and LINE
// link workflows, the partner's LINE state (linked, friend, blocking), each channel's delivery
// (LINE, e-mail, in-app) with the provider's answers, every skipped LINE send with its reason,
// the retries still scheduled and the 「請求書を作成してください」 reminders still to come.
import { lineLinkWorkflowId, orderWorkflowId } from '../../common/ids';
import { Delivery, type DeliveryDoc } from '../../models/delivery';
import { OrderView, type OrderViewDoc } from '../../models/order-view';
import { PartnerLine } from '../../models/partner-line';
import { assembleExplanation } from './delivery-facts';
import { distinct, MAX_DELIVERIES, MAX_WORKFLOWS, NothingKnownError, type ExplainContext } from './explain-context';
import { instant, type Explanation, type PendingFact, type RecipientFact, type WorkflowFact } from './explanation';
import { describeWorkflow, describeWorkflows } from './workflow-facts';

type DeliveryRecord = DeliveryDoc & { _id: string };
type OrderRecord = OrderViewDoc & { _id: string };

async function partnerFact(partnerId: string, linkWorkflow?: WorkflowFact): Promise<RecipientFact> {
  const line = await PartnerLine.findById(partnerId).lean();
  const refusal = linkWorkflow?.searchAttributes.LinkRefusal;
  return {
    kind: 'partner',
    id: partnerId,
    ...(line ? { companyId: line.companyId } : {}),
    linked: line?.status === 'linked',
    ...(line
      ? {
          line: {
            status: line.status,
            friend: line.friend,
            blocked: line.blocked,
            ...(line.linkedAt ? { linkedAt: line.linkedAt.toISOString() } : {}),
            ...(line.unlinkedAt ? { unlinkedAt: line.unlinkedAt.toISOString() } : {}),
          },
        }
      : {}),
    ...(refusal ? { linkRefusal: refusal } : {}),
  };
}

function partnerFindings(r: RecipientFact): string[] {
  const out: string[] = [];
  if (!r.line) out.push(`partner ${r.id} has never linked LINE: notifications go by e-mail and in-app only`);
  else if (r.line.status !== 'linked') out.push(`partner ${r.id}'s LINE link has ended${r.line.unlinkedAt ? ` (${r.line.unlinkedAt})` : ''}: e-mail and in-app only`);
  else if (r.line.blocked) out.push(`partner ${r.id} blocks the LINE Official Account now: e-mail and in-app only`);
  else if (!r.line.friend) out.push(`partner ${r.id} is not a friend of the LINE Official Account: e-mail and in-app only`);
  else out.push(`partner ${r.id} is linked to LINE, a friend and not blocking: LINE is used when the company has the LINE option`);
  if (r.linkRefusal) out.push(`the last LINE link attempt of partner ${r.id} was refused: ${r.linkRefusal}`);
  return out;
}

/** The reminders an order still has to send, as pending facts. */
export function reminderPending(order: OrderRecord): PendingFact[] {
  return (order.upcomingReminders ?? []).map((r) => ({
    what: 'reminder',
    workflowId: orderWorkflowId(order._id),
    detail: `「請求書を作成してください」 (${r.key}) for order ${order._id} (${order.orderNumber}), due ${instant(r.dueAt).jst} (${instant(r.dueAt).utc})`,
    dueAt: instant(r.dueAt),
  }));
}

function assemble(subject: Record<string, string>, workflows: WorkflowFact[], recipients: RecipientFact[], deliveries: DeliveryRecord[], orders: OrderRecord[], lead: string[]): Explanation {
  const reminders = orders.flatMap(reminderPending);
  return assembleExplanation({
    subject,
    workflows,
    recipients,
    deliveries,
    lead,
    pending: reminders,
    trailing: reminders.map((r) => `not yet due: ${r.detail}`),
    label: (d) => `${d._id}: `,
  });
}

export async function explainPartner(ctx: ExplainContext, partnerId: string): Promise<Explanation> {
  const [deliveries, orders, linkWorkflow] = await Promise.all([
    Delivery.find({ recipient: partnerId, channel: { $in: ['line', 'email', 'inapp'] } }).sort({ createdAt: -1 }).limit(MAX_DELIVERIES).lean(),
    OrderView.find({ partnerId }).sort({ updatedAt: -1 }).limit(MAX_WORKFLOWS).lean(),
    describeWorkflow(ctx.temporal, ctx.links, lineLinkWorkflowId(partnerId)),
  ]);
  const recipient = await partnerFact(partnerId, linkWorkflow);
  if (deliveries.length === 0 && orders.length === 0 && !linkWorkflow && !recipient.line) throw new NothingKnownError(`partner ${partnerId}`);
  const ids = distinct([...orders.map((o) => orderWorkflowId(o._id)), ...deliveries.map((d) => d.workflowId)]).filter((id) => id !== lineLinkWorkflowId(partnerId));
  const others = await describeWorkflows(ctx.temporal, ctx.links, ids.slice(0, MAX_WORKFLOWS));
  return assemble({ partnerId }, [...(linkWorkflow ? [linkWorkflow] : []), ...others], [recipient], deliveries, orders, partnerFindings(recipient));
}

export async function explainOrder(ctx: ExplainContext, orderId: string): Promise<Explanation> {
  const workflowId = orderWorkflowId(orderId);
  const [order, deliveries, workflow] = await Promise.all([
    OrderView.findById(orderId).lean(),
    Delivery.find({ workflowId }).sort({ createdAt: 1 }).limit(MAX_DELIVERIES).lean(),
    describeWorkflow(ctx.temporal, ctx.links, workflowId),
  ]);
  if (!order && !workflow && deliveries.length === 0) throw new NothingKnownError(`order ${orderId}`);
  const partnerId = order?.partnerId ?? workflow?.searchAttributes.PartnerId ?? deliveries[0]?.recipient;
  const linkWorkflow = partnerId ? await describeWorkflow(ctx.temporal, ctx.links, lineLinkWorkflowId(partnerId)) : undefined;
  const recipients = partnerId ? [await partnerFact(partnerId, linkWorkflow)] : [];
  const lead = [
    ...(workflow ? [`order ${workflowId}: ${workflow.status}, ${workflow.searchAttributes.OrderStatus ?? order?.status ?? '?'}`] : []),
    ...(order && !order.upcomingReminders?.length ? [`order ${orderId} has no reminder to come (status ${order.status})`] : []),
    ...recipients.flatMap(partnerFindings),
  ];
  const workflows = [...(workflow ? [workflow] : []), ...(linkWorkflow ? [linkWorkflow] : [])];
  return assemble({ orderId, workflowId, ...(partnerId ? { partnerId } : {}) }, workflows, recipients, deliveries, order ? [order] : [], lead);
}

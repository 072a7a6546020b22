// "Why didn't employee X get notification Y" (freee × LINE WORKS): from an event ID or a freee
// user, the notification and link workflows, how the employee resolved (ID-linked or not, through
// which tenant, suspended or removed), each LINE WORKS delivery with LINE WORKS's answers, the
// skipped ones and why, and the retries and waits still pending.
import { employeeLinkWorkflowId, notificationWorkflowId } from '../../common/ids';
import { Delivery, type DeliveryDoc } from '../../models/delivery';
import { EmployeeLink, employeeLinkId } from '../../models/employee-link';
import { TenantLink } from '../../models/tenant-link';
import { assembleExplanation } from './delivery-facts';
import { distinct, MAX_DELIVERIES, MAX_WORKFLOWS, NothingKnownError, type ExplainContext } from './explain-context';
import type { Explanation, PendingFact, RecipientFact, WorkflowFact } from './explanation';
import { describeWorkflow, describeWorkflows } from './workflow-facts';

type DeliveryRecord = DeliveryDoc & { _id: string };

async function employeeFact(companyId: string, freeeUserId: string, linkWorkflow?: WorkflowFact): Promise<RecipientFact> {
  const link = await EmployeeLink.findById(employeeLinkId(companyId, freeeUserId)).lean();
  const tenant = link
    ? await TenantLink.findById(link.worksTenantId).lean()
    : ((await TenantLink.findOne({ companyId, status: { $in: ['active', 'suspended'] } }).lean()) ?? (await TenantLink.findOne({ companyId }).sort({ updatedAt: -1 }).lean()));
  const refusal = linkWorkflow?.searchAttributes.LinkRefusal;
  return {
    kind: 'employee',
    id: freeeUserId,
    companyId,
    linked: Boolean(link),
    ...(tenant ? { tenant: { worksTenantId: tenant._id, status: tenant.status, ...(tenant.removedAt ? { removedAt: tenant.removedAt.toISOString() } : {}) } } : {}),
    ...(link ? { worksUserId: link.worksUserId } : {}),
    ...(refusal ? { linkRefusal: refusal } : {}),
  };
}

/** Sentences on how an employee resolves now (before the deliveries' own findings). */
function resolutionFindings(r: RecipientFact): string[] {
  const out: string[] = [];
  if (!r.tenant) out.push(`事業所 ${r.companyId ?? '?'} is linked to no LINE WORKS tenant`);
  else if (r.tenant.status === 'removed') out.push(`the LINE WORKS app was removed from tenant ${r.tenant.worksTenantId} of 事業所 ${r.companyId ?? '?'}${r.tenant.removedAt ? ` (${r.tenant.removedAt})` : ''}: every ID-link of it was revoked`);
  else if (r.tenant.status === 'suspended') out.push(`LINE WORKS tenant ${r.tenant.worksTenantId} is suspended (LINE WORKS refused its token): its messages wait for the admin to re-authorise`);
  out.push(r.linked ? `freee user ${r.id} of 事業所 ${r.companyId ?? '?'} is ID-linked to ${r.worksUserId ?? '?'} in tenant ${r.tenant?.worksTenantId ?? '?'}` : `freee user ${r.id} of 事業所 ${r.companyId ?? '?'} is not ID-linked now`);
  if (r.linkRefusal) out.push(`the last ID-link attempt of freee user ${r.id} was refused: ${r.linkRefusal}`);
  return out;
}

function waits(deliveries: DeliveryRecord[], recipients: RecipientFact[]): PendingFact[] {
  const suspended = new Set(recipients.filter((r) => r.tenant?.status === 'suspended').map((r) => r.tenant?.worksTenantId));
  return deliveries
    .filter((d) => d.status === 'waiting' || (d.status === 'sending' && suspended.has(d.worksTenantId ?? '')))
    .map((d) => ({ what: 'waiting', workflowId: d.workflowId, detail: `the message to freee user ${d.freeeUserId ?? d.recipient} waits for tenant ${d.worksTenantId ?? '?'} to be re-authorised` }));
}

function assemble(subject: Record<string, string>, workflows: WorkflowFact[], recipients: RecipientFact[], deliveries: DeliveryRecord[], lead: string[]): Explanation {
  return assembleExplanation({ subject, workflows, recipients, deliveries, lead, pending: waits(deliveries, recipients) });
}

export async function explainFreeeEvent(ctx: ExplainContext, eventId: string): Promise<Explanation> {
  const workflowId = notificationWorkflowId('freee', eventId);
  const [workflow, deliveries] = await Promise.all([describeWorkflow(ctx.temporal, ctx.links, workflowId), Delivery.find({ workflowId }).sort({ _id: 1 }).lean()]);
  if (!workflow && deliveries.length === 0) throw new NothingKnownError(`freee event ${eventId}`);
  const people = distinct(deliveries.filter((d) => d.companyId && d.freeeUserId).map((d) => `${d.companyId}\u0000${d.freeeUserId}`));
  const recipients = await Promise.all(people.map((p) => employeeFact(p.split('\u0000')[0] as string, p.split('\u0000')[1] as string)));
  const lead: string[] = [];
  if (workflow) lead.push(`notification ${workflowId}: ${workflow.status}${workflow.searchAttributes.NotificationStatus ? `, ${workflow.searchAttributes.NotificationStatus}` : ''}`);
  if (deliveries.length === 0) lead.push('no recipient was resolved yet (or the notification predates the delivery log of addressed users)');
  lead.push(...recipients.flatMap(resolutionFindings));
  return assemble({ eventId, workflowId }, workflow ? [workflow] : [], recipients, deliveries, lead);
}

export async function explainEmployee(ctx: ExplainContext, companyId: string, freeeUserId: string): Promise<Explanation> {
  const deliveries = await Delivery.find({ companyId, freeeUserId }).sort({ createdAt: -1 }).limit(MAX_DELIVERIES).lean();
  const linkWorkflow = await describeWorkflow(ctx.temporal, ctx.links, employeeLinkWorkflowId(companyId, freeeUserId));
  const recipient = await employeeFact(companyId, freeeUserId, linkWorkflow);
  if (deliveries.length === 0 && !linkWorkflow && !recipient.tenant) throw new NothingKnownError(`freee user ${freeeUserId} of 事業所 ${companyId}`);
  const notifications = await describeWorkflows(ctx.temporal, ctx.links, distinct(deliveries.map((d) => d.workflowId)).slice(0, MAX_WORKFLOWS));
  const workflows = [...(linkWorkflow ? [linkWorkflow] : []), ...notifications];
  return assemble({ companyId, freeeUserId }, workflows, [recipient], deliveries, resolutionFindings(recipient));
}

// The delivery log as operators read it: each delivery with its attempts and the provider's
// answers, the skipped channels with the reason in words, and the retries Temporal still has
// scheduled for the workflows involved.
import type { DeliveryDoc } from '../../models/delivery';
import { instant, type DeliveryFact, type Explanation, type PendingFact, type RecipientFact, type WorkflowFact } from './explanation';

type DeliveryRecord = DeliveryDoc & { _id: string };

/** Why a channel was not used, or waits, in words (the reasons the activities write). */
const REASONS: Record<string, (d: DeliveryRecord) => string> = {
  not_linked: (d) =>
    d.channel === 'lineworks'
      ? `freee user ${d.freeeUserId ?? d.recipient} of 事業所 ${d.companyId ?? '?'} has no ID連携 (not linked): nothing was sent to LINE WORKS`
      : `partner ${d.recipient} has never linked LINE: LINE was skipped, e-mail and in-app went`,
  business_not_linked: (d) => `事業所 ${d.companyId ?? '?'} is linked to no LINE WORKS tenant: nothing was sent to freee user ${d.freeeUserId ?? d.recipient}`,
  app_removed: (d) => `the LINE WORKS app was removed from the tenant of 事業所 ${d.companyId ?? '?'} and its links revoked: nothing was sent to freee user ${d.freeeUserId ?? d.recipient}`,
  tenant_suspended: (d) =>
    `LINE WORKS refused the token of tenant ${d.worksTenantId ?? '?'} (suspended): the message to freee user ${d.freeeUserId ?? d.recipient} waits for the admin to re-authorise ([再認証する] on 通知設定), for up to 30 days`,
  no_line_option: (d) => `the company of partner ${d.recipient} has no LINE option: LINE was skipped, e-mail and in-app went`,
  line_unlinked: (d) => `partner ${d.recipient}'s LINE link has ended (unlinked, or 連動の解除 in LINE): LINE was skipped, e-mail and in-app went`,
  blocked: (d) => `partner ${d.recipient} blocks the LINE Official Account: LINE was skipped, e-mail and in-app went`,
  not_friend: (d) => `partner ${d.recipient} is not a friend of the LINE Official Account: LINE was skipped, e-mail and in-app went`,
};

export function reasonText(d: DeliveryRecord): string {
  const reason = d.skipReason ?? '';
  return REASONS[reason]?.(d) ?? `${d.channel} to ${d.recipient} was skipped (${reason || 'no reason recorded'})`;
}

export function deliveryFact(d: DeliveryRecord): DeliveryFact {
  return {
    key: d._id,
    workflowId: d.workflowId,
    channel: d.channel,
    recipient: d.recipient,
    ...(d.freeeUserId ? { freeeUserId: d.freeeUserId } : {}),
    status: d.status,
    ...(d.skipReason ? { reason: d.skipReason } : {}),
    attempts: d.attempts,
    attemptLog: (d.attemptLog ?? []).map((a) => ({ attempt: a.attempt, at: instant(a.at), ok: a.ok, answer: a.answer })),
    ...(d.lastError ? { lastError: d.lastError } : {}),
    ...(d.sentAt ? { sentAt: instant(d.sentAt) } : {}),
  };
}

const lastAnswer = (d: DeliveryRecord): string => d.attemptLog?.[d.attemptLog.length - 1]?.answer ?? d.lastError ?? 'no answer recorded';

/** One sentence for a delivery; `retrying` when its workflow still has the delivery activity scheduled. */
export function deliveryFinding(d: DeliveryRecord, retrying: boolean): string {
  const to = d.channel === 'lineworks' ? `LINE WORKS message to freee user ${d.freeeUserId ?? '?'} (${d.recipient})` : `${d.channel} to partner ${d.recipient}`;
  switch (d.status) {
    case 'sent':
      return `${to}: sent ${d.sentAt ? instant(d.sentAt).jst : ''} after ${d.attempts || 1} attempt(s)`.trim();
    case 'skipped':
    case 'waiting':
      return reasonText(d);
    case 'failed':
      return `${to}: failed and not retried — the provider answered "${lastAnswer(d)}"`;
    case 'pending':
      return `${to}: resolved, not tried yet`;
    case 'sending':
      return retrying || d.lastError
        ? `${to}: still retrying — attempt ${d.attempts} answered "${lastAnswer(d)}"`
        : `${to}: being sent (attempt ${d.attempts})`;
    default:
      return `${to}: ${String(d.status)}`;
  }
}

const DELIVERY_ACTIVITIES = ['deliverLineWorksMessage', 'deliverPartnerLine', 'deliverPartnerEmail', 'deliverPartnerInApp', 'planPartnerDelivery'];

/** The delivery activities Temporal will try again, with their next attempt. */
export function pendingRetries(workflows: WorkflowFact[]): PendingFact[] {
  return workflows.flatMap((w) =>
    w.pendingActivities
      .filter((a) => DELIVERY_ACTIVITIES.includes(a.activity))
      .map(
        (a): PendingFact => ({
          what: 'retry',
          workflowId: w.workflowId,
          detail: `${a.activity} ${a.state}, attempt ${a.attempt}${a.nextAttemptAt ? `, next attempt ${a.nextAttemptAt.jst} (${a.nextAttemptAt.utc})` : ''}`,
          ...(a.nextAttemptAt ? { dueAt: a.nextAttemptAt } : {}),
        }),
      ),
  );
}

export const skippedOf = (ds: DeliveryRecord[]) =>
  ds.filter((d) => d.status === 'skipped').map((d) => ({ key: d._id, channel: d.channel, recipient: d.recipient, reason: d.skipReason ?? 'unknown' }));

/** What an explanation is made of beyond the deliveries: its own leading findings, what else is pending, and the findings that follow. */
export interface ExplanationParts {
  subject: Record<string, string>;
  workflows: WorkflowFact[];
  recipients: RecipientFact[];
  deliveries: DeliveryRecord[];
  lead: string[];
  pending?: PendingFact[];
  trailing?: string[];
  /** How a delivery's finding is introduced (e.g. by its key when several recipients are listed). */
  label?: (d: DeliveryRecord) => string;
}

/** One explanation: the findings first, then workflows, recipients, attempts, skipped channels and what is pending. */
export function assembleExplanation(p: ExplanationParts): Explanation {
  const retries = pendingRetries(p.workflows);
  const retrying = new Set(retries.map((r) => r.workflowId));
  const label = p.label ?? (() => '');
  return {
    subject: p.subject,
    workflows: p.workflows,
    recipients: p.recipients,
    deliveries: p.deliveries.map(deliveryFact),
    skipped: skippedOf(p.deliveries),
    pending: [...retries, ...(p.pending ?? [])],
    findings: [...p.lead, ...p.deliveries.map((d) => `${label(d)}${deliveryFinding(d, retrying.has(d.workflowId))}`), ...(p.trailing ?? [])],
  };
}

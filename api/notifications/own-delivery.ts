// What one person may see of a notification: only their own delivery. The status page shows a
// signed-in freee user of the notification's business the notice and their own recipient entry,
// with a state computed from that entry alone — never the other recipients, their IDs or how
// their deliveries went. Someone else (another business, not a recipient) gets nothing.
import type { NotificationPhase, NotificationState, RecipientStatus } from '../../common/notify/types';

export interface OwnDelivery {
  eventId: string;
  phase: NotificationPhase;
  notice?: NotificationState['notice'];
  recipients: Array<{ worksUserId: string; status: RecipientStatus; error?: string }>;
}

/** Where the person's own deliveries stand, from their statuses only. */
function phaseOf(statuses: RecipientStatus[]): NotificationPhase {
  if (statuses.every((s) => s === 'sent')) return 'delivered';
  if (statuses.every((s) => s === 'failed')) return 'failed';
  if (statuses.some((s) => s === 'pending')) return 'delivering';
  if (statuses.some((s) => s === 'waiting')) return 'suspended';
  return 'partially_delivered';
}

/** The person's own delivery of `state`, or undefined when it is none of theirs. */
export function ownDelivery(state: NotificationState, viewer: { companyId: string; freeeUserId: string }): OwnDelivery | undefined {
  if (state.companyId !== viewer.companyId) return undefined;
  const own = state.recipients.filter((r) => r.freeeUserId === viewer.freeeUserId);
  if (own.length === 0) return undefined;
  return {
    eventId: state.eventId,
    phase: phaseOf(own.map((r) => r.status)),
    ...(state.notice ? { notice: state.notice } : {}),
    recipients: own.map((r) => ({ worksUserId: r.worksUserId, status: r.status, ...(r.error ? { error: r.error } : {}) })),
  };
}

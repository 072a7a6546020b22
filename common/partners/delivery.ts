// What the workflows hand to the partner-delivery activities, and what the planning activity
// answers: which channels a partner notification goes to (e-mail and in-app always; LINE when
// the partner's company has the option, the partner is linked, a friend and not blocking).
import type { PartnerNotificationKind, PartnerNotificationText } from './notifications';

export type LineSkipReason = 'no_line_option' | 'not_linked' | 'line_unlinked' | 'blocked' | 'not_friend';

export type LinePlan = { send: true; lineUserId: string } | { send: false; reason: LineSkipReason };

export interface PartnerDeliveryPlan {
  /** The partner's e-mail in the platform. */
  email: string;
  line: LinePlan;
}

export type PartnerMessageKind = PartnerNotificationKind | 'line_reply';

export interface PartnerDeliveryInput {
  /** Deterministic key of the notification; each channel appends its name. */
  notificationKey: string;
  workflowId: string;
  partnerId: string;
  kind: PartnerMessageKind;
  text: PartnerNotificationText;
  /** Path of renkei's page where the partner acts (made absolute with the public URL). */
  path: string;
  orderId?: string;
  /** LINE only: a button that acts from the talk room (e.g. approve the order). */
  postback?: { label: string; data: string };
}

export type DeliveryOutcome = 'sent' | 'already_sent' | 'skipped' | 'failed';

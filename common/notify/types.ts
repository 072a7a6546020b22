// Inputs, state and results of the notification workflow (`notify:{source}:{eventId}`), shared
// by the API that starts it, the workflow and whoever queries it.
import type { FreeeEvent } from '../freee/events';
import type { Notice } from '../freee/notice';

export type NotifyFreeeInput = FreeeEvent;

/** A linked employee the event reaches. */
export interface LineWorksRecipient {
  freeeUserId: string;
  worksTenantId: string;
  botId: string;
  /** The app's service account in that tenant (an ID, not a secret). */
  serviceAccountId: string;
  worksUserId: string;
  /** The tenant's state when resolved: a suspended tenant is waited for, not called. */
  tenantStatus: 'active' | 'suspended';
}

/** `waiting`: LINE WORKS refused the tenant's token; kept until the admin re-authorises. */
export type RecipientStatus = 'pending' | 'waiting' | 'sent' | 'failed';

export type NotificationPhase = 'received' | 'resolving' | 'delivering' | 'suspended' | 'delivered' | 'partially_delivered' | 'no_recipients' | 'failed';

export interface NotificationState {
  eventId: string;
  companyId: string;
  phase: NotificationPhase;
  notice?: Notice;
  recipients: Array<{ freeeUserId: string; worksTenantId: string; worksUserId: string; status: RecipientStatus; error?: string }>;
  /** freee users addressed by the event that have no ID-link: they get nothing. */
  unlinkedFreeeUserIds: string[];
}

export interface DeliverLineWorksInput {
  /** Deterministic key of this delivery, also the delivery-log `_id`. */
  deliveryKey: string;
  workflowId: string;
  recipient: LineWorksRecipient;
  notice: Notice;
  /** Attempts made before this activity (its first try in notifyFreeeRecipients). */
  priorAttempts?: number;
}

// freee webhook events renkei acts on (accounting webhooks, β), as domain types. The API
// validates the raw payload into these; workflows see only these plain objects.

export const FREEE_RESOURCES = ['accounting:approval_request', 'accounting:expense_application', 'accounting:payment_request'] as const;
export type FreeeResource = (typeof FREEE_RESOURCES)[number];

export const FREEE_ACTIONS = ['created', 'updated', 'destroyed'] as const;
export type FreeeAction = (typeof FREEE_ACTIONS)[number];

/** One freee event, reduced to what delivery needs. IDs are strings (freee sends numbers). */
export interface FreeeEvent {
  eventId: string;
  resource: FreeeResource;
  action: FreeeAction;
  companyId: string;
  resourceId: string;
  status?: string;
  /** freee users the event is addressed to (the applicant, for the accounting requests). */
  recipientFreeeUserIds: string[];
  createdAt: string;
}

// freee events renkei delivers, as domain types: accounting webhooks (β) that freee sends, and
// product events (人事労務, 販売, 請求書, 振込代行, 工数管理, カード Unlimited) that reach renkei's signed
// event endpoint. The API validates raw payloads into these; workflows see only these plain objects.

export const FREEE_RESOURCES = ['accounting:approval_request', 'accounting:expense_application', 'accounting:payment_request'] as const;
export type FreeeResource = (typeof FREEE_RESOURCES)[number];

export const FREEE_ACTIONS = ['created', 'updated', 'destroyed'] as const;
export type FreeeAction = (typeof FREEE_ACTIONS)[number];

/** The six products whose notifications reach LINE WORKS (docs/flows/freee-lineworks.md). */
export const FREEE_PRODUCTS = ['hr', 'sales', 'invoice', 'payment', 'pm', 'card'] as const;
export type FreeeProduct = (typeof FREEE_PRODUCTS)[number];

export const FREEE_PRODUCT_NAMES: Record<FreeeProduct | 'accounting', string> = {
  accounting: 'freee会計',
  hr: 'freee人事労務',
  sales: 'freee販売',
  invoice: 'freee請求書',
  payment: 'freee振込代行',
  pm: 'freee工数管理',
  card: 'freeeカード Unlimited',
};

interface EventCommon {
  eventId: string;
  companyId: string;
  /** freee users the event is addressed to. IDs are strings (freee sends numbers). */
  recipientFreeeUserIds: string[];
  createdAt: string;
}

/** An accounting webhook: the addressed user is the request's applicant. */
export interface AccountingEvent extends EventCommon {
  kind: 'accounting';
  resource: FreeeResource;
  action: FreeeAction;
  resourceId: string;
  status?: string;
}

/** A product event: the product says what happened and where to look. */
export interface ProductEvent extends EventCommon {
  kind: 'product';
  product: FreeeProduct;
  type: string;
  title: string;
  /** An https URL on a freee domain. */
  url: string;
}

export type FreeeEvent = AccountingEvent | ProductEvent;

/** What the EventType search attribute says of an event. */
export const eventTypeOf = (e: FreeeEvent): string => (e.kind === 'accounting' ? `${e.resource}.${e.action}` : `${e.product}:${e.type}`);

// The Lansmart platform emulator's public surface: the emulator factory, its control client, and
// the wire types renkei and its tests share (seed, partner info, partner actions, events, orders).

export { createLansmartEmulator } from './emulator';
export { LansmartControl, type SentCompanyAction } from './control-client';
export { LansmartState } from './state';
export { renkeiSignature } from '../freee/product-event-delivery';
export { ORDER_STATUSES, ORDER_STATUS_LABELS, ORDER_TRANSITIONS, nextOrderStatus, type OrderStatus, type OrderTransition } from './order-status';
export { bankAccountSchema, basicInfoSchema, type BankAccount, type BasicInfo } from './partner-info';
export { partnerActionSchema, type PartnerAction, type PartnerActionRequest, type PartnerActionType, type RecordedPartnerAction } from './partner-action-schema';
export type { EventDelivery, PlatformEvent, PlatformEventData, PlatformEventType } from './platform-event';
export type { Invoice, Order, OrderHistoryEntry, PaymentNotice, WorkEntry, WorkReport } from './order';
export type { CancelRequest, CreateOrderRequest, PaymentNoticeRequest, RemandRequest, ReplayRequest, WorkReportRequest } from './control-schema';
export type { LansmartSeed } from './seed-schema';
export type { InvitationView, PartnerView } from './state';

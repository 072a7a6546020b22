// The LINE emulator's public surface: the emulator factory, its control client, and the wire
// types renkei and its tests share (seed, pushes, webhook events and deliveries, user state).

export { createLineEmulator } from './emulator';
export { LineControl } from './control-client';
export { LineState } from './state';
export { LINE_ISSUER } from './id-token';
export type { Consent } from './consents';
export type { PushBodyInput, PushMessage, TemplateAction } from './message-schema';
export type { PushFilter, PushRecord, SentMessage, UndeliveredReason } from './push-log';
export type { CreateRichMenuBody, RichMenuView } from './richmenu-schema';
export type { LineSeed } from './seed-schema';
export type { ActionOutcome, UnlinkOutcome } from './user-actions';
export type { LineUserView } from './user-view';
export type { LineWebhookBody, LineWebhookEvent, ReplayRequest, WebhookAttempt, WebhookDelivery } from './webhook-event';

// The mail sink's public surface: start it, drive it from tests, and the message types.

export { startMailSink, type RunningMailSink, type StartMailSinkOptions } from './sink';
export { createMailEmulator } from './emulator';
export { MailControl } from './control-client';
export { MailSinkState } from './state';
export type { ActiveSmtpFault, SmtpFaultSpecInput } from './smtp-faults';
export type { MessageFilter, StoredAddress, StoredAttachment, StoredMessage } from './stored-message';

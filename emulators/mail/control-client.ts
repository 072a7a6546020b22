// Typed client for the mail sink's control routes, for tests and scripts: the messages received
// (by recipient and subject), one message, emptying the mailbox, and SMTP faults.
// Non-2xx answers throw EmulatorControlError.

import { callControl } from '../harness/control-call';
import type { ActiveSmtpFault, SmtpFaultSpecInput } from './smtp-faults';
import type { MessageFilter, StoredMessage } from './stored-message';

export class MailControl {
  constructor(readonly baseUrl: string) {}

  /** Messages received, oldest first. */
  messages(filter: MessageFilter = {}): Promise<StoredMessage[]> {
    return callControl<StoredMessage[]>(this.baseUrl, 'GET', '/messages', undefined, { to: filter.to, subject: filter.subject });
  }

  message(id: string): Promise<StoredMessage> {
    return callControl<StoredMessage>(this.baseUrl, 'GET', `/messages/${encodeURIComponent(id)}`);
  }

  async clearMessages(): Promise<void> {
    await callControl(this.baseUrl, 'DELETE', '/messages');
  }

  /** The next `times` (default 1) mail transactions fail with `code` at RCPT TO (or DATA). */
  smtpFault(spec: SmtpFaultSpecInput): Promise<ActiveSmtpFault> {
    return callControl<ActiveSmtpFault>(this.baseUrl, 'POST', '/smtp-faults', spec);
  }

  smtpFaults(): Promise<ActiveSmtpFault[]> {
    return callControl<ActiveSmtpFault[]>(this.baseUrl, 'GET', '/smtp-faults');
  }

  async clearSmtpFaults(): Promise<void> {
    await callControl(this.baseUrl, 'DELETE', '/smtp-faults');
  }

  /** Clears messages, SMTP faults, recorded requests and HTTP faults. */
  async reset(): Promise<void> {
    await callControl(this.baseUrl, 'POST', '/reset');
  }
}

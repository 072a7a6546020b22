// What the mail sink knows: the messages received and the armed SMTP faults. Reset empties both.

import { MessageStore } from './message-store';
import { SmtpFaultQueue } from './smtp-faults';

export class MailSinkState {
  readonly messages = new MessageStore();
  readonly smtpFaults = new SmtpFaultQueue();

  reset(): void {
    this.messages.clear();
    this.smtpFaults.clear();
  }
}

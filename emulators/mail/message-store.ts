// The sink's mailbox: every message received, filterable by recipient and subject. Reset empties it.

import type { MessageFilter, StoredMessage } from './stored-message';

export function recipientsOf(message: StoredMessage): string[] {
  return [...message.to, ...message.headerTo.map((entry) => entry.address.toLowerCase()), ...message.cc.map((entry) => entry.address.toLowerCase())];
}

export class MessageStore {
  private messages: StoredMessage[] = [];

  add(message: StoredMessage): void {
    this.messages.push(message);
  }

  /** Matching messages, oldest first. */
  list(filter: MessageFilter = {}): StoredMessage[] {
    const to = filter.to?.trim().toLowerCase();
    return this.messages.filter(
      (message) => (to === undefined || recipientsOf(message).includes(to)) && (filter.subject === undefined || message.subject.includes(filter.subject)),
    );
  }

  get(id: string): StoredMessage | undefined {
    return this.messages.find((message) => message.id === id);
  }

  clear(): void {
    this.messages = [];
  }
}

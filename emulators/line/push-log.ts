// What the Messaging API accepted (reference B.1, B.2, B.5): every push with its messages, the
// retry key, whether it reached the user (a blocked or not-befriended user gets nothing, though the
// push is accepted) and the request ID; and the retry keys already accepted (24 h).

import type { PushMessage } from './message-schema';

export const RETRY_KEY_TTL_MS = 24 * 3600_000;

export type UndeliveredReason = 'blocked' | 'not_friend';

export interface SentMessage {
  id: string;
  quoteToken: string;
}

/** One accepted push (`GET /_emulator/pushes`). */
export interface PushRecord {
  requestId: string;
  retryKey: string | null;
  to: string;
  messages: PushMessage[];
  notificationDisabled: boolean;
  sentMessages: SentMessage[];
  delivered: boolean;
  /** Why it was not delivered. */
  reason: UndeliveredReason | null;
  acceptedAt: string;
}

export interface PushFilter {
  to?: string;
  delivered?: boolean;
}

export class PushLog {
  private records: PushRecord[] = [];
  private readonly retryKeys = new Map<string, { record: PushRecord; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The push already accepted under this retry key, if it is still remembered. */
  accepted(retryKey: string): PushRecord | undefined {
    const entry = this.retryKeys.get(retryKey.toLowerCase());
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.retryKeys.delete(retryKey.toLowerCase());
      return undefined;
    }
    return entry.record;
  }

  record(record: PushRecord): void {
    this.records.push(record);
    if (record.retryKey !== null) this.retryKeys.set(record.retryKey.toLowerCase(), { record, expiresAt: this.now() + RETRY_KEY_TTL_MS });
  }

  list(filter: PushFilter = {}): PushRecord[] {
    return this.records.filter((record) => (filter.to === undefined || record.to === filter.to) && (filter.delivered === undefined || record.delivered === filter.delivered));
  }

  /** The delivered push that carried a sent message, and the message's index in it. */
  findSent(userId: string, sentMessageId: string): { record: PushRecord; index: number } | undefined {
    for (const record of this.records) {
      if (record.to !== userId || !record.delivered) continue;
      const index = record.sentMessages.findIndex((sent) => sent.id === sentMessageId);
      if (index !== -1) return { record, index };
    }
    return undefined;
  }

  clear(): void {
    this.records = [];
    this.retryKeys.clear();
  }
}

// X-Line-Retry-Key values: LINE wants a UUID, the same for every retry of one logical send. renkei
// derives it from the delivery key (a name-based UUID, RFC 9562 version 5 layout), so a retried
// activity — even after a worker crash — sends the same key and LINE answers 409 instead of
// delivering twice.
import { createHash } from 'node:crypto';

const NAMESPACE = 'renkei:line-retry-key:';

export function lineRetryKey(deliveryKey: string): string {
  const bytes = createHash('sha1').update(NAMESPACE + deliveryKey).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

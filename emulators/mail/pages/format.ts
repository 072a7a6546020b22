// How addresses and times read on the inbox pages: 「名前 <address>」 or the bare address, and
// instants in Japan time.

import type { StoredAddress } from '../stored-message';

export function addressLabel(entry: StoredAddress | null): string {
  if (entry === null) return '（なし）';
  return entry.name === '' ? entry.address : `${entry.name} <${entry.address}>`;
}

/** e.g. 2026/11/22 14:50:44 (JST) */
export function jstTime(iso: string): string {
  return `${new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', hour12: false })} (JST)`;
}

// What renkei answers in the LINE talk room when a tap cannot be acted on (the seed's wording
// style): the step was done already, the order has ended, it is too early, or the LINE account is
// not linked to a partner.
import type { RefusalReason } from '../../common/orders/transitions';

export function staleTapReply(reason: RefusalReason | 'not_linked' | 'not_partner' | 'unknown_order'): string {
  switch (reason) {
    case 'already_done':
      return 'この発注書はすでに承認済みです。';
    case 'order_closed':
      return 'この発注書は終了しているため、操作できません。';
    case 'not_yet':
      return 'この発注書は、まだこの操作ができる状態ではありません。';
    case 'not_linked':
      return 'LINE連携が完了していないため操作できません。LansmartにLINEでログインしてください。';
    case 'not_partner':
    case 'unknown_order':
      return 'この発注書は見つかりませんでした。';
  }
}

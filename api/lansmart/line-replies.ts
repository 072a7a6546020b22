// What renkei answers in the LINE talk room when a tap cannot be acted on (the seed's wording
// style): the step was done already, the order has ended, it is too early, or the LINE account is
// not linked to a partner; and, by the approval rule, what is missing before an approval or the
// final check to confirm it.
import type { ApprovalMissing } from '../../common/orders/approval-rule';
import type { RefusalReason } from '../../common/orders/transitions';
import type { LineMessage } from '../../providers/line/messaging-client';

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

/** LINE allows 160 characters in a buttons template's text without a title. */
const TEMPLATE_TEXT_MAX = 160;
const fit = (text: string): string => (text.length > TEMPLATE_TEXT_MAX ? `${text.slice(0, TEMPLATE_TEXT_MAX - 1)}…` : text);

/**
 * [承認する] tapped before 口座情報 or 基本情報 is registered: what is missing, and a link to the
 * order page, which asks for it first (the page's own words, order-catalogue.ts).
 */
export function missingInfoReply(missing: Exclude<ApprovalMissing, 'confirmation'>, orderUrl: string): LineMessage {
  const [text, label] =
    missing === 'bank_account'
      ? ['口座情報が登録されていないため、発注書を承認できません。発注書を承認する前に、報酬の振込先となる口座情報を登録してください。', '口座情報を登録する']
      : ['基本情報が設定されていないため、発注書を承認できません。発注書を承認する前に、基本情報を設定してください。', '基本情報を設定する'];
  return { type: 'template', altText: text, template: { type: 'buttons', text: fit(text), actions: [{ type: 'uri', label, uri: orderUrl }] } };
}

/** The final check (最終確認) in the talk room: [実行する] approves, as on the page. */
export function approveConfirmReply(order: { orderNumber: string; title: string }, executeData: string, orderUrl: string): LineMessage {
  const text = `最終確認: 発注書 ${order.orderNumber}「${order.title}」を承認します。よろしければ「実行する」をタップしてください。`;
  return {
    type: 'template',
    altText: `最終確認: 発注書 ${order.orderNumber} を承認します。`,
    template: {
      type: 'buttons',
      text: fit(text),
      actions: [
        { type: 'postback', label: '実行する', data: executeData, displayText: '実行する' },
        { type: 'uri', label: '発注書を見る', uri: orderUrl },
      ],
    },
  };
}

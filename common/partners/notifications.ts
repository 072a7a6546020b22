// The seven partner notifications of the seed (LINE, e-mail and in-app carry the same text): their
// kinds, the seed's exact titles, and the page each one links to.

export const PARTNER_NOTIFICATION_KINDS = [
  'friend_registered',
  'order_created',
  'work_report_created',
  'invoice_remanded',
  'payment_notice_issued',
  'payment_notice_auto_approved',
  'invoice_reminder',
] as const;
export type PartnerNotificationKind = (typeof PARTNER_NOTIFICATION_KINDS)[number];

export interface PartnerNotificationText {
  /** The seed's wording, shown as the message title, e-mail subject and in-app headline. */
  title: string;
  body: string;
  /** Label of the button that opens the page where the partner acts. */
  linkLabel: string;
}

export interface PartnerNotificationContext {
  orderNumber?: string;
  orderTitle?: string;
  reason?: string;
  approvalDueDate?: string;
}

const about = (c: PartnerNotificationContext): string =>
  c.orderNumber ? `発注書 ${c.orderNumber}${c.orderTitle ? `「${c.orderTitle}」` : ''}` : '';

export function partnerNotificationText(kind: PartnerNotificationKind, c: PartnerNotificationContext = {}): PartnerNotificationText {
  switch (kind) {
    case 'friend_registered':
      return {
        title: '友だち登録完了',
        body: 'Lansmart by SmartHRの友だち登録が完了しました。発注書の承認依頼や請求書作成のリマインドなどをLINEでお知らせします。',
        linkLabel: 'Lansmartを開く',
      };
    case 'order_created':
      return { title: '発注書を確認してください', body: `${about(c)}が届きました。内容を確認して承認してください。`, linkLabel: '発注書を確認' };
    case 'work_report_created':
      return { title: '業務報告が作成されました', body: `${about(c)}の業務報告が作成されました。稼動を登録してください。`, linkLabel: '稼動を登録する' };
    case 'invoice_remanded':
      return {
        title: '請求書が差し戻されました',
        body: `${about(c)}の請求書が差し戻されました。${c.reason ? `理由: ${c.reason}\n` : ''}内容を修正して再提出してください。`,
        linkLabel: '請求書を再提出する',
      };
    case 'payment_notice_issued':
      return {
        title: '支払通知書を確認してください',
        body: `${about(c)}の支払通知書が届きました。${c.approvalDueDate ? `${c.approvalDueDate}までに` : ''}確認して承認してください。`,
        linkLabel: '支払通知書を確認',
      };
    case 'payment_notice_auto_approved':
      return {
        title: '支払通知書の承認が完了しました',
        body: `${about(c)}の支払通知書は承認期日を過ぎたため、期日超過承認されました。`,
        linkLabel: '支払通知書を見る',
      };
    case 'invoice_reminder':
      return { title: '請求書を作成してください', body: `${about(c)}の請求書が未提出です。請求書を作成して送信してください。`, linkLabel: '請求書を作成する' };
  }
}

/** The path (under renkei's partner pages) where the partner acts on this notification. */
export function partnerNotificationPath(kind: PartnerNotificationKind, orderId?: string): string {
  if (!orderId || kind === 'friend_registered') return '/partner';
  const order = `/partner/orders/${encodeURIComponent(orderId)}`;
  switch (kind) {
    case 'order_created':
      return order;
    case 'work_report_created':
      return `${order}/report`;
    case 'invoice_remanded':
    case 'invoice_reminder':
      return `${order}/invoice`;
    case 'payment_notice_issued':
    case 'payment_notice_auto_approved':
      return `${order}/payment-notice`;
  }
}

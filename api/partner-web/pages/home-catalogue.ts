// The words of the partner's home page (お知らせ): the in-app notifications, newest first, with
// the unread count — in each language. English headlines are chosen by the notification's kind
// (the stored text is the seed's Japanese, the same as on LINE and by e-mail).
import type { PartnerNotificationKind } from '../../../common/partners/notifications';
import type { Catalogue, MessagesLike } from '../../pages/locale';

const ja = {
  title: 'お知らせ',
  signedInAs: (name: string) => `${name} さん`,
  unreadCount: (n: number) => `未読 ${n}件`,
  unread: '未読',
  none: 'お知らせはまだありません。',
  older: '以前のお知らせ',
  newest: '最新のお知らせに戻る',
  kindTitle: {
    friend_registered: '友だち登録完了',
    order_created: '発注書を確認してください',
    work_report_created: '業務報告が作成されました',
    invoice_remanded: '請求書が差し戻されました',
    payment_notice_issued: '支払通知書を確認してください',
    payment_notice_auto_approved: '支払通知書の承認が完了しました',
    invoice_reminder: '請求書を作成してください',
  } satisfies Record<PartnerNotificationKind, string>,
};

const en: MessagesLike<typeof ja> = {
  title: 'Notifications',
  signedInAs: (name) => `Signed in as ${name}`,
  unreadCount: (n) => `${n} unread`,
  unread: 'Unread',
  none: 'No notifications yet.',
  older: 'Older notifications',
  newest: 'Back to the newest',
  kindTitle: {
    friend_registered: 'You are now friends on LINE',
    order_created: 'Please check the purchase order',
    work_report_created: 'A work report was created',
    invoice_remanded: 'Your invoice was returned',
    payment_notice_issued: 'Please check the payment notice',
    payment_notice_auto_approved: 'The payment notice has been approved',
    invoice_reminder: 'Please create your invoice',
  },
};

export const HOME_TEXT: Catalogue<typeof ja> = { ja, en };

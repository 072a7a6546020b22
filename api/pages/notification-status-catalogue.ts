// The words of the notification status page (where one freee notification stands) and of the
// not-found page, in each language.
import type { NotificationPhase, RecipientStatus } from '../../common/notify/types';
import type { Catalogue, MessagesLike } from './locale';

const phases: Record<NotificationPhase, string> = {
  received: '受け付けました',
  resolving: '宛先を確認しています',
  delivering: '配信しています',
  suspended: '配信を保留しています（LINE WORKSの再認証待ち）',
  delivered: '配信済み',
  partially_delivered: '一部配信済み',
  no_recipients: '配信先がありません（ID連携済みの従業員がいません）',
  failed: '配信に失敗しました',
};

const recipientStatuses: Record<RecipientStatus, string> = { pending: '配信待ち', waiting: '再認証待ち', sent: '送信済み', failed: '失敗' };

const ja = {
  title: '通知の配信状況',
  event: 'イベント',
  business: '事業所',
  state: '状態',
  phases,
  recipientsTitle: 'LINE WORKS 配信先',
  recipientStatuses,
  recipient: (worksUserId: string, status: string, error?: string) => `${worksUserId}：${status}${error ? `（${error}）` : ''}`,
  none: 'なし',
  notFoundTitle: '見つかりません',
  badEventId: 'イベントIDの形式が正しくありません。',
  noSuchNotification: 'このイベントの通知は見つかりませんでした。',
};

const en: MessagesLike<typeof ja> = {
  title: 'Notification delivery status',
  event: 'Event',
  business: 'Business',
  state: 'Status',
  phases: {
    received: 'Received',
    resolving: 'Finding the recipients',
    delivering: 'Delivering',
    suspended: 'On hold (waiting for LINE WORKS to be authenticated again)',
    delivered: 'Delivered',
    partially_delivered: 'Partly delivered',
    no_recipients: 'No recipients (no employee is ID-linked)',
    failed: 'Delivery failed',
  },
  recipientsTitle: 'LINE WORKS recipients',
  recipientStatuses: { pending: 'Waiting', waiting: 'Waiting for re-authentication', sent: 'Sent', failed: 'Failed' },
  recipient: (worksUserId, status, error) => `${worksUserId}: ${status}${error ? ` (${error})` : ''}`,
  none: 'None',
  notFoundTitle: 'Not found',
  badEventId: 'The event ID is not in a valid format.',
  noSuchNotification: 'No notification was found for this event.',
};

export const STATUS_TEXT: Catalogue<typeof ja> = { ja, en };

// The words of the freee × LINE WORKS link pages (consent, results, error page chrome), in each
// language. Japanese is the help page's (docs/flows/freee-lineworks.md); the error table itself is in link-messages.ts.
import type { Catalogue, MessagesLike } from './locale';

const ja = {
  linkTitle: '連携を開始しますか?',
  unlinkTitle: '連携を解除しますか?',
  business: '事業所',
  lineWorks: 'LINE WORKS',
  /** A LINE WORKS tenant by the domain name LINE WORKS gives (its ID when renkei has not learnt it). */
  lineWorksTenant: (domain: string) => `LINE WORKS ${domain}`,
  /** The employee's LINE WORKS account and its domain. */
  lineWorksAccount: (account: string, domain: string) => `${account}（${domain}）`,
  allow: '許可する',
  changeBusiness: '事業所を変更する',
  adminPrerequisite: '※ 通知を受け取るには、通知を受け取りたい事業所の管理者が事前に連携設定を行っている必要があります。',
  adminChangedBusiness: '※ 事業所を変更した場合は、LINE WORKSの連携設定画面から再度操作を行ってください。',
  linked: '連携に成功しました',
  linkedMenu: 'トーク画面下部のリッチメニューが[ID連携]から[ID連携解除]の表示になります。',
  linkedNotices: (companyName: string) => `${companyName}の通知をLINE WORKSで受け取れます。`,
  unlinked: '連携を解除しました',
  unlinkedMenu: 'トーク画面下部のリッチメニューが[ID連携]の表示に戻ります。',
  alreadyDone: 'この操作は既に完了しています。',
  adminLinked: '連携設定が完了しました',
  adminLinkedBusiness: (companyName: string) => `LINE WORKS連携先の事業所として「${companyName}」が追加されました。`,
  adminLinkedNext: '従業員の方は、LINE WORKSのトーク画面からID連携を行ってください。',
  backToSettings: '通知設定に戻る',
  openAppPage: 'LINE WORKSのアプリ詳細を開く',
  retry: 'もう一度連携する',
  backToTalk: 'LINE WORKSのトーク画面に戻る',
  tenantTakenTitle: 'このLINE WORKSは他の事業所と連携済みです',
  tenantTaken: (tenant: string) => `${tenant}は、既に他の事業所と連携されています。`,
  tenantTakenRule: '1つのLINE WORKSに対して、複数の事業所を連携することはできません。一方、1つの事業所に対して、複数のLINE WORKSを連携することは可能です。',
  tenantTakenRemedy:
    'LINE WORKSに連携済みの事業所に切り替えてご利用ください。この事業所と連携し直す場合は、LINE WORKSのfreeeアプリ設定画面で[アプリを削除]を行ってから、再度連携設定を行ってください。',
  errorTitle: '連携に失敗しました',
  errorHeading: 'エラー',
  remedyHeading: '対処方法',
  referenceId: 'お問い合わせ番号:',
};

const en: MessagesLike<typeof ja> = {
  linkTitle: 'Start linking?',
  unlinkTitle: 'Remove the link?',
  business: 'Business',
  lineWorks: 'LINE WORKS',
  lineWorksTenant: (domain) => `LINE WORKS ${domain}`,
  lineWorksAccount: (account, domain) => `${account} (${domain})`,
  allow: 'Allow',
  changeBusiness: 'Change business',
  adminPrerequisite: '* To receive notifications, an administrator of the business you want notifications from must first set up the link.',
  adminChangedBusiness: '* If you change the business, start again from the LINE WORKS link settings screen.',
  linked: 'Linked successfully',
  linkedMenu: 'The rich menu at the bottom of the talk room changes from [ID連携] (ID link) to [ID連携解除] (remove ID link).',
  linkedNotices: (companyName) => `You will receive notifications of ${companyName} in LINE WORKS.`,
  unlinked: 'The link was removed',
  unlinkedMenu: 'The rich menu at the bottom of the talk room shows [ID連携] (ID link) again.',
  alreadyDone: 'This has already been done.',
  adminLinked: 'The link is set up',
  adminLinkedBusiness: (companyName) => `“${companyName}” was added as a business linked with LINE WORKS.`,
  adminLinkedNext: 'Employees: set up the ID link from the LINE WORKS talk room.',
  backToSettings: 'Back to notification settings',
  openAppPage: 'Open the app in LINE WORKS',
  retry: 'Try linking again',
  backToTalk: 'Back to the LINE WORKS talk room',
  tenantTakenTitle: 'This LINE WORKS is linked with another business',
  tenantTaken: (tenant) => `${tenant} is already linked with another business.`,
  tenantTakenRule: 'One LINE WORKS cannot be linked with more than one business. One business, however, can be linked with more than one LINE WORKS.',
  tenantTakenRemedy:
    'Switch to the business that is linked with LINE WORKS. To link it with this business instead, remove the app in the freee app settings of LINE WORKS ([アプリを削除]), then set up the link again.',
  errorTitle: 'Linking failed',
  errorHeading: 'Error',
  remedyHeading: 'What to do',
  referenceId: 'Reference number:',
};

export const LINK_TEXT: Catalogue<typeof ja> = { ja, en };

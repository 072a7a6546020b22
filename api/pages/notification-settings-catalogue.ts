// The words of 通知設定 (freee アカウント管理 → 事業所管理 → 通知設定, as renkei serves it), in
// each language.
import type { Catalogue, MessagesLike } from './locale';

export interface ReportCounts {
  at: string;
  /** The LINE WORKS tenant as people know it: its domain name (its ID when renkei has not learnt it). */
  tenant: string;
  revoked: number;
  alreadyGone: number;
  failed: number;
}

const ja = {
  title: '通知設定',
  breadcrumb: 'freeeアカウント管理 › 事業所管理 › 通知設定',
  signedInAs: (companyName: string, displayName: string) => `${companyName}（${displayName}）`,
  lineWorksLink: 'LINE WORKS連携',
  linkedBusinesses: 'LINE WORKS連携先の事業所',
  tenant: (domain: string) => `LINE WORKS ${domain}`,
  statusActive: '連携中',
  statusSuspended: '停止中（LINE WORKSの再認証が必要です）',
  suspendedNotice: (domain: string) =>
    `LINE WORKS ${domain} の認証が無効になったため、通知の配信を保留しています。保留中の通知は再認証後に配信されます。`,
  reauthenticate: '再認証する',
  noTenants: 'LINE WORKSと連携していません。',
  connect: 'アカウントを連携する',
  takenByOtherBusiness: (tenant: string) =>
    `LINE WORKS ${tenant} は、既に他の事業所と連携されています。1つのLINE WORKSに対して、複数の事業所を連携することはできません。`,
  mobileAdminNote: '管理者が行う連携設定は、モバイルには対応していません。PCから操作してください。',
  adminOnly: 'LINE WORKS連携の設定は、事業所の管理者のみが行えます。',
  employeesNote: '管理者の連携設定だけではLINE WORKSで通知を受け取ることはできません。通知を受け取る従業員は、LINE WORKSのトーク画面からID連携を行ってください。',
  reportsTitle: '連携解除の履歴',
  report: (r: ReportCounts) =>
    `${r.at} LINE WORKS ${r.tenant} の連携解除に伴い、従業員のID連携を解除しました（解除 ${r.revoked} 件・解除済み ${r.alreadyGone} 件・失敗 ${r.failed} 件）`,
  relinkNote: '管理者が再度連携を行った場合は、従業員側でも再度ID連携が必要です。',
};

const en: MessagesLike<typeof ja> = {
  title: 'Notification settings',
  breadcrumb: 'freee account management › Business management › Notification settings',
  signedInAs: (companyName, displayName) => `${companyName} (${displayName})`,
  lineWorksLink: 'LINE WORKS link',
  linkedBusinesses: 'LINE WORKS linked with this business',
  tenant: (domain) => `LINE WORKS ${domain}`,
  statusActive: 'Linked',
  statusSuspended: 'Suspended (LINE WORKS must be authenticated again)',
  suspendedNotice: (domain) =>
    `Notifications are on hold because the authentication of LINE WORKS ${domain} is no longer valid. Held notifications are delivered once it is authenticated again.`,
  reauthenticate: 'Authenticate again',
  noTenants: 'Not linked with LINE WORKS.',
  connect: 'Link an account',
  takenByOtherBusiness: (tenant) => `LINE WORKS ${tenant} is already linked with another of your businesses. One LINE WORKS cannot be linked with more than one business.`,
  mobileAdminNote: 'The administrator link setup is not available on mobile. Please use a PC.',
  adminOnly: 'Only administrators of the business can set up the LINE WORKS link.',
  employeesNote:
    'The administrator link alone does not deliver notifications in LINE WORKS. Employees who want notifications set up the ID link from the LINE WORKS talk room.',
  reportsTitle: 'Link removal history',
  report: (r) =>
    `${r.at} LINE WORKS ${r.tenant} was unlinked, so the employees' ID links were removed (removed ${r.revoked}, already removed ${r.alreadyGone}, failed ${r.failed})`,
  relinkNote: 'If an administrator links again, employees must set up their ID link again too.',
};

export const SETTINGS_TEXT: Catalogue<typeof ja> = { ja, en };

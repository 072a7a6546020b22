// The messages a person sees when linking fails: in Japanese word for word from the help page
// (docs/flows/freee-lineworks.md's error table), each with what to do, and in English. Kinds come from the link
// workflows' ApplicationFailures and from the web flows themselves (freee and LINE WORKS logins).
import type { Locale } from './locale';

export interface LinkErrorMessage {
  message: string;
  remedy: string;
}

const UNKNOWN_REMEDY =
  '他の認証情報が残っている可能性があるため、プライベートモードで連携をお試しください。それでも解決しない場合、サポートデスクまでお問い合わせください。';

const ja = {
  BUSINESS_MISMATCH: {
    message: '連携に失敗しました。freeeから事業所の切り替え操作を実施してください。LINE WORKSに連携済みの事業所に切り替え後、再度連携をお試しください。',
    remedy: 'LINE WORKSに連携済みの事業所に切り替えた後、再度連携設定を行ってください。',
  },
  ALREADY_LINKED: {
    message: '連携に失敗しました。既に他のLINE WORKSにID連携されています。ID連携を解除してから再度お試しください。',
    remedy:
      'LINE WORKSに連携済みのLINE WORKSアカウントをそのままご利用いただくか、そちらを解除してから新しく連携したいLINE WORKSアカウントで連携設定を行ってください。',
  },
  ACCOUNT_IN_USE: {
    message: '連携に失敗しました。このLINE WORKSアカウントは、この事業所の他のfreeeユーザーとID連携されています。ID連携を解除してから再度お試しください。',
    remedy: 'ID連携済みのfreeeユーザーでログインしてID連携を解除してから、再度連携設定を行ってください。',
  },
  TOKEN_INVALID: {
    message:
      '連携に失敗しました。LINE WORKSの認証に失敗しました。LINE WORKSから一度ログアウトしてください。その後、LINE WORKSにログインし直し、再度連携をお試しください。',
    remedy: 'LINE WORKSを一度ログアウトして、LINE WORKSにログインし直し、再度連携をお試しください。',
  },
  NOT_LINKED: {
    message: '連携に失敗しました。この事業所はLINE WORKSと連携されていません。',
    remedy: '通知を受け取るには、通知を受け取りたい事業所の管理者が事前に連携設定を行っている必要があります。事業所の管理者にお問い合わせください。',
  },
  TENANT_LINKED_ELSEWHERE: {
    message: '連携に失敗しました。このLINE WORKSは既に他の事業所と連携されています。',
    remedy: '1つのLINE WORKSに対して、複数の事業所を連携することはできません。連携済みの事業所から連携を解除してから、再度お試しください。',
  },
  NOT_LINKED_EMPLOYEE: {
    message: 'ID連携されていないため、連携を解除できません。',
    remedy: 'ID連携済みの事業所とfreeeユーザーでログインしているかご確認ください。',
  },
  WORKS_ACCOUNT_MISMATCH: {
    message: '連携に失敗しました。ID連携を開始したLINE WORKSアカウントと、ログインしたLINE WORKSアカウントが異なります。',
    remedy: 'ID連携を開始したトーク画面のLINE WORKSアカウントでログインし直し、再度LINE WORKSから連携をお試しください。',
  },
  LINEWORKS_LOGIN_INCOMPLETE: {
    message: 'LINE WORKSへのログインが完了しませんでした。',
    remedy: 'LINE WORKSのトーク画面から、もう一度ID連携をお試しください。',
  },
  FREEE_LOGIN_INCOMPLETE: {
    message: 'freeeへのログインが完了しませんでした。',
    remedy: 'もう一度お試しください。',
  },
  FREEE_AUTH_FAILED: {
    message: 'freeeの認証に失敗しました。',
    remedy: 'freeeにログインし直して、もう一度お試しください。',
  },
  TRANSIENT: {
    message: '連携に失敗しました。時間をおいて再度LINE WORKSから連携をお試しください。',
    remedy: UNKNOWN_REMEDY,
  },
  UNEXPECTED: {
    message: '連携に失敗しました。エラーが発生しました。サポートデスクまでお問い合わせください。',
    remedy: UNKNOWN_REMEDY,
  },
  EXPIRED: {
    message: '連携に失敗しました。時間をおいて再度LINE WORKSから連携をお試しください。',
    remedy: 'この画面の有効期限が切れたか、既に使用されています。LINE WORKSのトーク画面からもう一度操作してください。',
  },
  ADMIN_ONLY: {
    message: 'LINE WORKS連携の設定は、事業所の管理者のみが行えます。',
    remedy: '事業所の管理者権限を持つfreeeユーザーでログインしてください。',
  },
} satisfies Record<string, LinkErrorMessage>;

export type LinkErrorKind = keyof typeof ja;

const UNKNOWN_REMEDY_EN = 'Other sign-in information may be left in your browser, so try linking in a private window. If that does not help, contact the support desk.';

const en: Record<LinkErrorKind, LinkErrorMessage> = {
  BUSINESS_MISMATCH: {
    message: 'Linking failed. Switch the business in freee: switch to the business that is linked with LINE WORKS, then try linking again.',
    remedy: 'Switch to the business that is linked with LINE WORKS, then set up the link again.',
  },
  ALREADY_LINKED: {
    message: 'Linking failed. You are already ID-linked with another LINE WORKS account. Remove that ID link, then try again.',
    remedy: 'Keep using the LINE WORKS account that is already linked, or remove that link and set up the link again with the LINE WORKS account you want to use.',
  },
  ACCOUNT_IN_USE: {
    message: 'Linking failed. This LINE WORKS account is ID-linked with another freee user of this business. Remove that ID link, then try again.',
    remedy: 'Log in as the freee user that is ID-linked, remove the ID link, then set up the link again.',
  },
  TOKEN_INVALID: {
    message: 'Linking failed. LINE WORKS authentication failed. Log out of LINE WORKS once, then log in to LINE WORKS again and try linking again.',
    remedy: 'Log out of LINE WORKS once, log in to LINE WORKS again, and try linking again.',
  },
  NOT_LINKED: {
    message: 'Linking failed. This business is not linked with LINE WORKS.',
    remedy: 'To receive notifications, an administrator of the business must first set up the link. Please contact an administrator of your business.',
  },
  TENANT_LINKED_ELSEWHERE: {
    message: 'Linking failed. This LINE WORKS is already linked with another business.',
    remedy: 'One LINE WORKS cannot be linked with more than one business. Remove the link from the business it is linked with, then try again.',
  },
  NOT_LINKED_EMPLOYEE: {
    message: 'The link cannot be removed because you are not ID-linked.',
    remedy: 'Check that you are logged in with the business and the freee user that are ID-linked.',
  },
  WORKS_ACCOUNT_MISMATCH: {
    message: 'Linking failed. The LINE WORKS account you logged in with is not the one that started the ID link.',
    remedy: 'Log in again with the LINE WORKS account of the talk room where you started the ID link, then try linking again from LINE WORKS.',
  },
  LINEWORKS_LOGIN_INCOMPLETE: {
    message: 'The LINE WORKS login was not completed.',
    remedy: 'Start the ID link again from the LINE WORKS talk room.',
  },
  FREEE_LOGIN_INCOMPLETE: {
    message: 'The freee login was not completed.',
    remedy: 'Please try again.',
  },
  FREEE_AUTH_FAILED: {
    message: 'freee authentication failed.',
    remedy: 'Log in to freee again, then try once more.',
  },
  TRANSIENT: {
    message: 'Linking failed. Please wait a while, then try linking again from LINE WORKS.',
    remedy: UNKNOWN_REMEDY_EN,
  },
  UNEXPECTED: {
    message: 'Linking failed. An error occurred. Please contact the support desk.',
    remedy: UNKNOWN_REMEDY_EN,
  },
  EXPIRED: {
    message: 'Linking failed. Please wait a while, then try linking again from LINE WORKS.',
    remedy: 'This page has expired or has already been used. Start again from the LINE WORKS talk room.',
  },
  ADMIN_ONLY: {
    message: 'Only administrators of the business can set up the LINE WORKS link.',
    remedy: 'Log in as a freee user with administrator rights for the business.',
  },
};

/** The error table in every language. */
export const LINK_ERROR_TABLE: Record<Locale, Record<LinkErrorKind, LinkErrorMessage>> = { ja, en };

/** The Japanese table: the help page's exact words. */
export const LINK_ERRORS = ja;

export const isLinkErrorKind = (t: string): t is LinkErrorKind => Object.prototype.hasOwnProperty.call(ja, t);

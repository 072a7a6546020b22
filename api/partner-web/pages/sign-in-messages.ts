// What a partner reads when ユーザー登録 or ログイン with LINE cannot go on: each refusal of the LINE
// Login flow, its cause and what to do, in Japanese (in the help page's words where it has them:
// docs/flows/lansmart-line.md — e-mail addresses must be the same, LINEログインはパートナー様のみ, the paid option)
// and in English.
import type { Locale } from '../../pages/locale';

export interface SignInErrorMessage {
  message: string;
  remedy: string;
}

const EMAIL_RULE = '※LINEの登録メールアドレスとLansmartでの登録メールアドレスは同じ必要がございます。';
const SUPPORT = 'それでも解決しない場合は、お問い合わせ番号を添えてランスマートお問い合わせ担当までご連絡ください。';

const ja = {
  INVITATION_NOT_FOUND: {
    message: '招待が見つかりません。',
    remedy: '招待メールのリンクをもう一度開いてください。リンクが古い場合は、発注元の企業様に招待の再送を依頼してください。',
  },
  INVITATION_USED: {
    message: 'この招待は既に使用されています。ユーザー登録は完了しています。',
    remedy: '「LINEでログイン」からログインしてください。',
  },
  NO_LINE_OPTION: {
    message: 'ご利用の企業様では、LINEとのAPI連携(有料オプション機能)をご利用いただけません。',
    remedy: '発注書や請求書などのお知らせは、引き続きメールとLansmart上の通知でお届けします。Lansmartにはメールアドレスでログインしてください。',
  },
  COMPANY_USER: {
    message: 'LINEログインはパートナー様のみ利用可能です。企業様は利用することができません。',
    remedy: '企業様のアカウントでは、メールアドレスとパスワードでLansmartにログインしてください。',
  },
  EMAIL_PERMISSION_REFUSED: {
    message: 'LINEのメールアドレスの取得が許可されなかったため、ログインできませんでした。',
    remedy: `もう一度お試しいただき、LINEの認証画面で「メールアドレスの取得」にチェックを入れたまま「許可する」をタップしてください。${EMAIL_RULE}`,
  },
  EMAIL_MISSING: {
    message: 'LINEアカウントにメールアドレスが登録されていないため、ログインできませんでした。',
    remedy: `LINEアプリの[設定]→[アカウント]でメールアドレスを登録してから、もう一度お試しください。${EMAIL_RULE}`,
  },
  EMAIL_MISMATCH: {
    message: 'LINEの登録メールアドレスとLansmartでの登録メールアドレスが一致しません。',
    remedy: `${EMAIL_RULE}LINEアプリの[設定]→[アカウント]でメールアドレスを確認してから、もう一度お試しください。`,
  },
  PARTNER_NOT_FOUND: {
    message: 'このLINEアカウントのメールアドレスで登録されたパートナーが見つかりません。',
    remedy: `${EMAIL_RULE}まだユーザー登録がお済みでない場合は、招待メールのリンクからユーザー登録してください。`,
  },
  PARTNER_LINKED_ELSEWHERE: {
    message: 'このパートナーは既に別のLINEアカウントと連携されています。',
    remedy: `連携済みのLINEアカウントでログインしてください。${SUPPORT}`,
  },
  LINE_ACCOUNT_IN_USE: {
    message: 'このLINEアカウントは既に別のパートナーと連携されています。',
    remedy: `1つのLINEアカウントで連携できるパートナーは1人です。別のLINEアカウントでお試しください。${SUPPORT}`,
  },
  LINE_LOGIN_CANCELLED: {
    message: 'LINEでのログインがキャンセルされました。',
    remedy: 'LINEの認証画面で「許可する」をタップすると、ログインできます。もう一度お試しください。',
  },
  LINE_AUTH_FAILED: {
    message: 'LINEの認証に失敗しました。',
    remedy: `もう一度お試しください。${SUPPORT}`,
  },
  EXPIRED: {
    message: 'この画面の有効期限が切れたか、既に使用されています。',
    remedy: 'お手数ですが、もう一度最初からお試しください。',
  },
  OTHER_BROWSER: {
    message: 'ログインを始めたブラウザと異なるブラウザで開かれました。',
    remedy: 'ログインを始めたブラウザで、もう一度最初からお試しください。',
  },
  FORM_EXPIRED: {
    message: '画面の有効期限が切れました。',
    remedy: 'お手数ですが、画面を開き直してもう一度お試しください。',
  },
  TRANSIENT: {
    message: 'ただいま処理できませんでした。',
    remedy: `時間をおいて、もう一度お試しください。${SUPPORT}`,
  },
  UNEXPECTED: {
    message: 'エラーが発生しました。',
    remedy: 'お問い合わせ番号を添えて、ランスマートお問い合わせ担当までご連絡ください。',
  },
} satisfies Record<string, SignInErrorMessage>;

export type SignInErrorKind = keyof typeof ja;

const EMAIL_RULE_EN = 'Your e-mail address registered in LINE must be the same as the one registered in Lansmart.';
const SUPPORT_EN = 'If that does not help, contact Lansmart support with the reference number.';

const en: Record<SignInErrorKind, SignInErrorMessage> = {
  INVITATION_NOT_FOUND: {
    message: 'The invitation was not found.',
    remedy: 'Open the link in the invitation e-mail again. If the link is old, ask the company that invited you to send the invitation again.',
  },
  INVITATION_USED: {
    message: 'This invitation has already been used. Your registration is complete.',
    remedy: 'Log in with “Log in with LINE”.',
  },
  NO_LINE_OPTION: {
    message: 'The LINE integration (a paid option) is not available for your company.',
    remedy: 'You keep receiving notices about orders and invoices by e-mail and in Lansmart. Log in to Lansmart with your e-mail address.',
  },
  COMPANY_USER: {
    message: 'LINE login is available to partners only. Company users cannot use it.',
    remedy: 'With a company account, log in to Lansmart with your e-mail address and password.',
  },
  EMAIL_PERMISSION_REFUSED: {
    message: 'You could not log in because LINE was not allowed to share your e-mail address.',
    remedy: `Try again, and on the LINE consent screen keep the e-mail address permission ticked when you tap Allow. ${EMAIL_RULE_EN}`,
  },
  EMAIL_MISSING: {
    message: 'You could not log in because your LINE account has no e-mail address.',
    remedy: `Register an e-mail address in the LINE app (Settings → Account), then try again. ${EMAIL_RULE_EN}`,
  },
  EMAIL_MISMATCH: {
    message: 'The e-mail address registered in LINE is not the one registered in Lansmart.',
    remedy: `${EMAIL_RULE_EN} Check the e-mail address in the LINE app (Settings → Account), then try again.`,
  },
  PARTNER_NOT_FOUND: {
    message: 'No partner is registered with the e-mail address of this LINE account.',
    remedy: `${EMAIL_RULE_EN} If you have not registered yet, register from the link in your invitation e-mail.`,
  },
  PARTNER_LINKED_ELSEWHERE: {
    message: 'This partner is already linked with another LINE account.',
    remedy: `Log in with the LINE account that is linked. ${SUPPORT_EN}`,
  },
  LINE_ACCOUNT_IN_USE: {
    message: 'This LINE account is already linked with another partner.',
    remedy: `A LINE account can be linked with one partner only. Try another LINE account. ${SUPPORT_EN}`,
  },
  LINE_LOGIN_CANCELLED: {
    message: 'The login with LINE was cancelled.',
    remedy: 'Tap Allow on the LINE consent screen to log in. Please try again.',
  },
  LINE_AUTH_FAILED: {
    message: 'LINE authentication failed.',
    remedy: `Please try again. ${SUPPORT_EN}`,
  },
  EXPIRED: {
    message: 'This page has expired or has already been used.',
    remedy: 'Please start again from the beginning.',
  },
  OTHER_BROWSER: {
    message: 'This was opened in another browser than the one where the login started.',
    remedy: 'Start again from the beginning in the browser where you started the login.',
  },
  FORM_EXPIRED: {
    message: 'The page has expired.',
    remedy: 'Open the page again and try once more.',
  },
  TRANSIENT: {
    message: 'We could not process this right now.',
    remedy: `Please wait a while, then try again. ${SUPPORT_EN}`,
  },
  UNEXPECTED: {
    message: 'An error occurred.',
    remedy: 'Please contact Lansmart support with the reference number.',
  },
};

export const SIGN_IN_ERROR_TABLE: Record<Locale, Record<SignInErrorKind, SignInErrorMessage>> = { ja, en };

export const SIGN_IN_ERRORS = ja;

export const isSignInErrorKind = (t: string): t is SignInErrorKind => Object.prototype.hasOwnProperty.call(ja, t);

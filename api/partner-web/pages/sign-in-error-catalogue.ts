// The words around a sign-in error (sign-in-messages.ts holds the errors themselves): the page
// title of each flow, the headings, the reference number and the ways back, in each language.
import type { Catalogue, MessagesLike } from '../../pages/locale';

const ja = {
  registerTitle: 'ユーザー登録できませんでした',
  loginTitle: 'ログインできませんでした',
  heading: 'エラー',
  remedyHeading: '対処方法',
  referenceId: 'お問い合わせ番号:',
  retryRegister: 'もう一度ユーザー登録する',
  retryLogin: 'ログイン画面に戻る',
  lineEmail: 'LINEの登録メールアドレス',
  platformEmail: 'Lansmartでの登録メールアドレス',
  emailLogin: 'メールアドレスでログイン',
};

const en: MessagesLike<typeof ja> = {
  registerTitle: 'Registration failed',
  loginTitle: 'Login failed',
  heading: 'Error',
  remedyHeading: 'What to do',
  referenceId: 'Reference number:',
  retryRegister: 'Register again',
  retryLogin: 'Back to the login page',
  lineEmail: 'E-mail address in LINE',
  platformEmail: 'E-mail address in Lansmart',
  emailLogin: 'Log in with your e-mail address',
};

export const SIGN_IN_ERROR_TEXT: Catalogue<typeof ja> = { ja, en };

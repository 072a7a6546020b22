// The words of ログイン (docs/flows/lansmart-line.md, ログイン ①–⑤): 「LINEでログイン」, the help page's notes, the
// signed-in state and ログアウト, in each language.
import type { Catalogue, MessagesLike } from '../../pages/locale';

const ja = {
  title: 'ログイン',
  lead: 'パートナー様はLINEアカウントでLansmart by SmartHRにログインすることができます。',
  submit: 'LINEでログイン',
  steps: '認証画面で「許可する」、友だち追加画面で「友だち追加」をタップすると、ログインできます。次回ログイン時は、認証なしでログインすることができます。',
  emailNote: '※LINEの登録メールアドレスとLansmartでの登録メールアドレスは同じ必要がございます。',
  partnersOnly: '※ LINEログインはパートナー様のみ利用可能です。企業様は利用することができません。',
  signedInTitle: 'ログイン中',
  signedInAs: (name: string) => `${name}さんとしてログインしています。`,
  open: 'Lansmartを開く',
  logout: 'ログアウト',
  loggedOut: 'ログアウトしました。',
};

const en: MessagesLike<typeof ja> = {
  title: 'Log in',
  lead: 'Partners can log in to Lansmart by SmartHR with their LINE account.',
  submit: 'Log in with LINE',
  steps: 'Tap Allow on the consent screen and Add friend on the add-friend screen to log in. From the next time on, you are logged in without the consent screen.',
  emailNote: '* Your e-mail address registered in LINE must be the same as the one registered in Lansmart.',
  partnersOnly: '* LINE login is available to partners only. Company users cannot use it.',
  signedInTitle: 'Logged in',
  signedInAs: (name) => `You are logged in as ${name}.`,
  open: 'Open Lansmart',
  logout: 'Log out',
  loggedOut: 'You have logged out.',
};

export const LOGIN_TEXT: Catalogue<typeof ja> = { ja, en };

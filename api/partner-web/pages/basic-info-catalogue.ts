// The words of 基本情報登録 and 基本情報登録完了 (docs/flows/lansmart-line.md ⑤⑥): the platform's fields, their
// validation messages (the platform's own wording) and the completion page, in each language. The
// order page's 基本情報の設定 asks for the same fields and uses the same labels and messages.
import type { Catalogue, Locale, MessagesLike } from '../../pages/locale';
import type { BasicInfoField, BasicInfoProblem } from '../basic-info-form';

const ja = {
  title: '基本情報登録',
  lead: '必要事項を入力し、「登録」ボタンを押してください。',
  required: '必須',
  fields: {
    name: '氏名',
    nameKana: '氏名（カナ）',
    phone: '電話番号',
    postalCode: '郵便番号',
    address: '住所',
  },
  hints: {
    name: '例: 山田 花子',
    nameKana: '全角カタカナ 例: ヤマダ ハナコ',
    phone: '例: 090-1234-5678',
    postalCode: '例: 150-0001',
    address: '例: 東京都渋谷区神宮前1-1-1',
  },
  errRequired: (label: string) => `${label}を入力してください`,
  errTooLong: (label: string, max: string) => `${label}は${max}文字以内で入力してください`,
  errKana: '氏名（カナ）は全角カタカナで入力してください',
  errPhone: '電話番号は0から始まる10桁または11桁で入力してください',
  errPostalCode: '郵便番号は7桁で入力してください',
  /** Also the order page's 基本情報 and 口座情報 forms when the platform refuses them. */
  platformRejected: '登録できませんでした。入力内容をご確認のうえ、もう一度お試しください。',
  submit: '登録',
  doneTitle: '基本情報登録完了',
  doneLead: 'ユーザー登録が完了しました。',
  doneNotices:
    '発注書の承認依頼・請求書作成のリマインド、請求書が差し戻された際の再提出依頼、支払通知書の承認依頼がLINEで通知されます。(メール、Lansmart上の通知もされます。)',
  doneFriend: 'LINEのトークルームには、友だち登録完了の通知が届きます。',
  doneNotFriend: 'LINEで通知を受け取るには、Lansmart by SmartHRの公式アカウントを友だち追加してください。',
  open: 'Lansmartを開く',
};

const en: MessagesLike<typeof ja> = {
  title: 'Basic information',
  lead: 'Fill in the required fields and press Register.',
  required: 'Required',
  fields: {
    name: 'Full name',
    nameKana: 'Full name (katakana)',
    phone: 'Phone number',
    postalCode: 'Postal code',
    address: 'Address',
  },
  hints: {
    name: 'e.g. Hanako Yamada',
    nameKana: 'Full-width katakana',
    phone: 'e.g. 090-1234-5678',
    postalCode: 'e.g. 150-0001',
    address: 'e.g. 1-1-1 Jingumae, Shibuya-ku, Tokyo',
  },
  errRequired: (label) => `Enter your ${label.toLowerCase()}.`,
  errTooLong: (label, max) => `${label} must be at most ${max} characters.`,
  errKana: 'Enter the full name (katakana) in full-width katakana.',
  errPhone: 'Enter a phone number of 10 or 11 digits starting with 0.',
  errPostalCode: 'Enter a postal code of 7 digits.',
  platformRejected: 'The information could not be registered. Please check your entries and try again.',
  submit: 'Register',
  doneTitle: 'Basic information registered',
  doneLead: 'Your registration is complete.',
  doneNotices:
    'You will be notified on LINE of requests to approve orders, reminders to create invoices, requests to resubmit remanded invoices and requests to approve payment notices (also by e-mail and in Lansmart).',
  doneFriend: 'A “friend registration complete” message arrives in your LINE talk room.',
  doneNotFriend: 'To receive notifications on LINE, add the Lansmart by SmartHR official account as a friend.',
  open: 'Open Lansmart',
};

export const BASIC_INFO_TEXT: Catalogue<typeof ja> = { ja, en };

/** What a field's problem says, under the field. */
export function basicInfoProblemText(locale: Locale, f: BasicInfoField, p: BasicInfoProblem): string {
  const t = BASIC_INFO_TEXT[locale];
  switch (p.code) {
    case 'required':
      return t.errRequired(t.fields[f]);
    case 'tooLong':
      return t.errTooLong(t.fields[f], String(p.max));
    case 'kana':
      return t.errKana;
    case 'phone':
      return t.errPhone;
    case 'postalCode':
      return t.errPostalCode;
  }
}

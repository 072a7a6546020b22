// The words of ユーザー登録 (docs/flows/lansmart-line.md ①②): the three consents, 「LINEでユーザー登録」 and the
// help page's notes, in each language.
import type { Catalogue, MessagesLike } from '../../pages/locale';

const ja = {
  title: 'ユーザー登録',
  company: '企業',
  email: 'メールアドレス',
  consentLead: '利用規約とプライバシーポリシー、下請取引における電磁的記録の提供についての同意に☑を入れてください。',
  consentTerms: '利用規約に同意する',
  consentPrivacy: 'プライバシーポリシーに同意する',
  consentRecords: '下請取引における電磁的記録の提供に同意する',
  consentMissing: 'ユーザー登録するには、利用規約、プライバシーポリシー、下請取引における電磁的記録の提供のすべてに同意してください。',
  submit: 'LINEでユーザー登録',
  steps: '「LINEでユーザー登録」をタップしたら、認証画面で「許可する」、友だち追加画面で「友だち追加」をタップし、基本情報を登録してください。',
  emailNote: '※LINEの登録メールアドレスとLansmartでの登録メールアドレスは同じ必要がございます。',
  partnersOnly: '※ LINEログインはパートナー様のみ利用可能です。企業様は利用することができません。',
  consentStepLead: 'ユーザー登録が完了していません。ユーザー登録を完了するには、以下のすべてに同意してください。',
  consentStepSubmit: '同意して基本情報登録へ進む',
};

const en: MessagesLike<typeof ja> = {
  title: 'Registration',
  company: 'Company',
  email: 'E-mail address',
  consentLead: 'Tick the boxes to agree to the Terms of Use, the Privacy Policy and the provision of electronic records in subcontracting transactions.',
  consentTerms: 'I agree to the Terms of Use',
  consentPrivacy: 'I agree to the Privacy Policy',
  consentRecords: 'I agree to the provision of electronic records in subcontracting transactions',
  consentMissing: 'To register, agree to all of the Terms of Use, the Privacy Policy and the provision of electronic records in subcontracting transactions.',
  submit: 'Register with LINE',
  steps: 'After tapping “Register with LINE”, tap Allow on the consent screen and Add friend on the add-friend screen, then enter your basic information.',
  emailNote: '* Your e-mail address registered in LINE must be the same as the one registered in Lansmart.',
  partnersOnly: '* LINE login is available to partners only. Company users cannot use it.',
  consentStepLead: 'Your registration is not complete yet. To complete it, agree to all of the following.',
  consentStepSubmit: 'Agree and go on to your basic information',
};

export const REGISTRATION_TEXT: Catalogue<typeof ja> = { ja, en };

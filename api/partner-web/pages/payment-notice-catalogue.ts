// The words of the payment-notice page (支払通知書を確認してください / 支払通知書の承認が完了しました,
// docs/flows/lansmart-line.md): the notice, [承認する], the result, and the 期日超過承認 made on the partner's behalf —
// in each language.
import type { Catalogue, MessagesLike } from '../../pages/locale';

const ja = {
  title: '支払通知書の確認',
  lead: '支払通知書の内容を確認し、承認期日までに承認してください。',
  order: '発注書',
  amount: '支払金額',
  dueDate: '承認期日',
  issuedAt: '発行日',
  approve: '承認する',
  approved: '支払通知書を承認しました',
  approvedLead: 'ご対応ありがとうございました。この発注の手続きはすべて完了しました。',
  alreadyApproved: '支払通知書は承認済みです。',
  autoApproved: '支払通知書の承認が完了しました',
  autoApprovedLead: (dueDate: string) => `承認期日(${dueDate})を過ぎたため、支払通知書は期日超過承認されました。お手続きは不要です。`,
};

const en: MessagesLike<typeof ja> = {
  title: 'Payment notice',
  lead: 'Check the payment notice and approve it by the approval due date.',
  order: 'Purchase order',
  amount: 'Amount paid',
  dueDate: 'Approval due date',
  issuedAt: 'Issued',
  approve: 'Approve',
  approved: 'The payment notice is approved',
  approvedLead: 'Thank you. Everything for this order is complete.',
  alreadyApproved: 'The payment notice has been approved.',
  autoApproved: 'The payment notice has been approved',
  autoApprovedLead: (dueDate) => `The approval due date (${dueDate}) passed, so the payment notice was approved on your behalf (overdue approval). Nothing more is needed from you.`,
};

export const PAYMENT_NOTICE_TEXT: Catalogue<typeof ja> = { ja, en };

// The words of the work-report page (業務報告が作成されました → 稼動を登録する, docs/flows/lansmart-line.md): the
// 稼動期間, [業務内容を追加], the entries, [業務を登録], and [請求書を作成する] — in each language.
import type { Catalogue, MessagesLike } from '../../pages/locale';

const ja = {
  title: '稼動の登録',
  lead: '稼動期間が正しいことを確認し、業務内容を追加してください。',
  period: '稼動期間',
  closingDate: '締め日',
  order: '発注書',
  addTitle: '業務内容',
  date: '日付',
  hours: '稼動時間(時間)',
  description: '業務内容',
  add: '業務内容を追加',
  entriesTitle: '登録する業務内容',
  noEntries: 'まだ業務内容が追加されていません。',
  remove: '削除',
  hoursValue: (hours: number) => `${hours}時間`,
  totalHours: (hours: number) => `合計 ${hours}時間`,
  register: '業務を登録',
  needOneEntry: '業務内容を1件以上追加してから「業務を登録」をタップしてください。',
  registered: '業務を登録しました',
  registeredSummary: (count: number, hours: number) => `業務内容 ${count}件(合計 ${hours}時間)`,
  registeredNext: '続けて請求書を作成してください。',
  createInvoice: '請求書を作成する',
  alreadyRegistered: '業務は登録済みです。',
};

const en: MessagesLike<typeof ja> = {
  title: 'Register your work',
  lead: 'Check that the work period is right, then add what you did.',
  period: 'Work period',
  closingDate: 'Closing date',
  order: 'Purchase order',
  addTitle: 'Work',
  date: 'Date',
  hours: 'Hours',
  description: 'What you did',
  add: 'Add work',
  entriesTitle: 'Work to register',
  noEntries: 'No work added yet.',
  remove: 'Remove',
  hoursValue: (hours) => `${hours} h`,
  totalHours: (hours) => `Total ${hours} h`,
  register: 'Register work',
  needOneEntry: 'Add at least one piece of work, then tap “Register work”.',
  registered: 'Your work is registered',
  registeredSummary: (count, hours) => `${count} ${count === 1 ? 'entry' : 'entries'} (total ${hours} h)`,
  registeredNext: 'Next, create the invoice.',
  createInvoice: 'Create the invoice',
  alreadyRegistered: 'Your work is registered.',
};

export const REPORT_TEXT: Catalogue<typeof ja> = { ja, en };

// The words of the partner's order list (「該当の発注書をタップします」, docs/flows/lansmart-line.md): each order
// with what it waits for (the status words of common-catalogue.ts), the partner's turn marked, and
// the next 「請求書を作成してください」 — in each language.
import type { Catalogue, MessagesLike } from '../../pages/locale';

const ja = {
  title: '発注書',
  lead: '該当の発注書をタップしてください。',
  none: '発注書はまだありません。',
  yourTurn: '対応が必要です',
  nextReminder: (at: string) => `次のリマインド: ${at}`,
  older: '以前の発注書',
  newest: '最新の発注書に戻る',
  all: 'すべての発注書',
};

const en: MessagesLike<typeof ja> = {
  title: 'Purchase orders',
  lead: 'Tap the order to open it.',
  none: 'No purchase orders yet.',
  yourTurn: 'Needs your action',
  nextReminder: (at) => `Next reminder: ${at}`,
  older: 'Older orders',
  newest: 'Back to the newest',
  all: 'All orders',
};

export const ORDER_LIST_TEXT: Catalogue<typeof ja> = { ja, en };

// What an employee reads in LINE WORKS for a freee event: a Japanese title naming the product, a
// body and the freee page to open. Pure, so the workflow can decide it deterministically.
import { FREEE_PRODUCT_NAMES, type AccountingEvent, type FreeeEvent, type FreeeResource } from './events';

export interface Notice {
  title: string;
  body: string;
  /** A path under the freee web base URL, or an absolute https URL on a freee domain. */
  link: string;
  linkLabel: string;
}

const KIND: Record<FreeeResource, { label: string; path: string }> = {
  'accounting:approval_request': { label: '各種申請', path: 'approval_requests' },
  'accounting:expense_application': { label: '経費申請', path: 'expense_applications' },
  'accounting:payment_request': { label: '支払依頼', path: 'payment_requests' },
};

const STATUS: Record<string, string> = {
  draft: '下書き',
  in_progress: '申請中',
  approved: '承認済み',
  rejected: '却下',
  feedback: '差戻し',
};

function accountingNotice(event: AccountingEvent): Notice {
  const kind = KIND[event.resource];
  const status = event.status ? (STATUS[event.status] ?? event.status) : undefined;
  const what = `${kind.label}（No.${event.resourceId}）`;
  const body =
    event.action === 'created'
      ? `${what}が作成されました。`
      : event.action === 'destroyed'
        ? `${what}が削除されました。`
        : `${what}のステータスが更新されました${status ? `：${status}` : '。'}`;
  return {
    title: `【${FREEE_PRODUCT_NAMES.accounting}】`,
    body,
    link: event.action === 'destroyed' ? `/${kind.path}` : `/${kind.path}/${event.resourceId}`,
    linkLabel: 'freeeで確認する',
  };
}

export function freeeNotice(event: FreeeEvent): Notice {
  if (event.kind === 'accounting') return accountingNotice(event);
  return { title: `【${FREEE_PRODUCT_NAMES[event.product]}】`, body: event.title, link: event.url, linkLabel: 'freeeで確認する' };
}

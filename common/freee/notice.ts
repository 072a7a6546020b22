// What an employee reads in LINE WORKS for a freee event: a Japanese title, a body and the path
// of the freee page to open. Pure, so the workflow can decide it deterministically.
import type { FreeeEvent, FreeeResource } from './events';

export interface Notice {
  title: string;
  body: string;
  /** Path under the freee web base URL. */
  linkPath: string;
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

export function freeeNotice(event: FreeeEvent): Notice {
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
    title: '【freee会計】',
    body,
    linkPath: event.action === 'destroyed' ? `/${kind.path}` : `/${kind.path}/${event.resourceId}`,
    linkLabel: 'freeeで確認する',
  };
}

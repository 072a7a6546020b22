// The page that shows where one notification stands (received, delivering, delivered …), in
// Japanese, from the notification workflow's status query.
import type { NotificationPhase, NotificationState, RecipientStatus } from '../../common/notify/types';
import { html } from './html';
import { layout } from './layout';

const PHASE: Record<NotificationPhase, string> = {
  received: '受け付けました',
  resolving: '宛先を確認しています',
  delivering: '配信しています',
  suspended: '配信を保留しています（LINE WORKSの再認証待ち）',
  delivered: '配信済み',
  partially_delivered: '一部配信済み',
  no_recipients: '配信先がありません（ID連携済みの従業員がいません）',
  failed: '配信に失敗しました',
};

const RECIPIENT: Record<RecipientStatus, string> = { pending: '配信待ち', waiting: '再認証待ち', sent: '送信済み', failed: '失敗' };

export function notificationStatusPage(state: NotificationState): string {
  const done = state.phase === 'delivered';
  return layout(
    '通知の配信状況',
    html`<h1>通知の配信状況</h1>
<section class="card">
<dl>
<dt>イベント</dt><dd>${state.eventId}</dd>
<dt>事業所</dt><dd>${state.companyId}</dd>
<dt>状態</dt><dd class="${done ? 'ok' : state.phase === 'failed' ? 'ng' : ''}" data-phase="${state.phase}">${PHASE[state.phase]}</dd>
</dl>
</section>
${state.notice ? html`<section class="card"><p><strong>${state.notice.title}</strong><br>${state.notice.body}</p></section>` : ''}
<section class="card">
<h2 style="font-size:1rem;margin:0 0 .5rem">LINE WORKS 配信先</h2>
${state.recipients.length
  ? html`<ul>${state.recipients.map((r) => html`<li data-recipient="${r.worksUserId}">${r.worksUserId}：${RECIPIENT[r.status]}${r.error ? `（${r.error}）` : ''}</li>`)}</ul>`
  : html`<p class="muted">なし</p>`}
</section>`,
  );
}

export function notFoundPage(what: string): string {
  return layout('見つかりません', html`<h1>見つかりません</h1><section class="card"><p>${what}</p></section>`);
}

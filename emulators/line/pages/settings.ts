// LINE's settings screens down to the linked apps (設定 → アカウント → 連動アプリ → the app →
// 「連動の解除」), where a user withdraws a LINE Login app's access (reference C.4).

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import type { Consent } from '../consents';
import { sendLinePage } from './layout';

export const LINKED_APPS_PATH = '/settings/account/linked-apps';

const SCOPE_LABELS: Record<string, string> = {
  profile: 'メインプロフィール情報',
  openid: 'あなたの内部識別子',
  email: 'メールアドレス',
};

export function sendSettingsPage(res: Response): void {
  sendLinePage(
    res,
    200,
    '設定',
    html`<section class="card">
<h1>設定</h1>
<ul class="plain"><li><a href="/settings/account">アカウント</a></li></ul>
</section>
<p><a href="/chat">トークに戻る</a></p>`,
  );
}

export function sendAccountPage(res: Response, displayName: string): void {
  sendLinePage(
    res,
    200,
    'アカウント',
    html`<section class="card">
<h1>アカウント</h1>
<p class="muted">${displayName}</p>
<ul class="plain"><li><a href="${LINKED_APPS_PATH}">連動アプリ</a></li></ul>
</section>
<p><a href="/settings">設定</a></p>`,
  );
}

export function sendLinkedAppsPage(res: Response, apps: { channelId: string; name: string }[]): void {
  sendLinePage(
    res,
    200,
    '連動アプリ',
    html`<section class="card">
<h1>連動アプリ</h1>
${apps.length === 0 ? html`<p class="muted">連動中のアプリはありません。</p>` : null}
<ul class="plain">
${apps.map((app) => html`<li><a href="${LINKED_APPS_PATH}/${encodeURIComponent(app.channelId)}">${app.name}</a></li>`)}
</ul>
</section>
<p><a href="/settings/account">アカウント</a></p>`,
  );
}

export function sendLinkedAppPage(res: Response, input: { name: string; consent: Consent }): void {
  sendLinePage(
    res,
    200,
    input.name,
    html`<section class="card">
<h1>${input.name}</h1>
<p>このアプリに許可している権限</p>
<ul>${input.consent.scopes.map((scope) => html`<li>${SCOPE_LABELS[scope] ?? scope}</li>`)}</ul>
<form method="post" action="${LINKED_APPS_PATH}/${encodeURIComponent(input.consent.channelId)}/unlink">
<button type="submit" class="danger">連動の解除</button>
</form>
</section>
<p><a href="${LINKED_APPS_PATH}">連動アプリ</a></p>`,
  );
}

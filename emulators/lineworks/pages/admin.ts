// The admin console's app pages: the app list, an app's detail page ([追加する] when not
// installed, [設定する] and [アプリを削除] when installed) and the installed app's settings.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import type { Installation } from '../installations';
import type { RegisteredApp, Tenant } from '../state';
import { scopeList, sendWorksPage } from './layout';

export function sendAppListPage(res: Response, tenant: Tenant, apps: { app: RegisteredApp; installed: boolean }[]): void {
  sendWorksPage(
    res,
    200,
    'アプリ',
    html`<section class="card">
<h1>アプリ</h1>
<p class="muted">${tenant.domainName}</p>
<ul class="plain">
${apps.map(
  ({ app, installed }) =>
    html`<li><a href="/admin/apps/${encodeURIComponent(app.clientId)}">${app.name}</a> <span class="muted">${installed ? '追加済み' : '未追加'}</span></li>`,
)}
</ul>
</section>`,
  );
}

export function sendAppDetailPage(res: Response, input: { app: RegisteredApp; tenant: Tenant; installation?: Installation; addHref: string }): void {
  const base = `/admin/apps/${encodeURIComponent(input.app.clientId)}`;
  const actions =
    input.installation === undefined
      ? html`<a class="button primary" href="${input.addHref}">追加する</a>`
      : html`<a class="button primary" href="${base}/settings">設定する</a>
<a class="button danger" href="${base}/uninstall">アプリを削除</a>`;
  sendWorksPage(
    res,
    200,
    input.app.name,
    html`<section class="card">
<h1>${input.app.name}</h1>
<p class="muted">${input.tenant.domainName}</p>
<h2>アクセス権限</h2>
${scopeList(input.app.scopes)}
${actions}
</section>
<p><a href="/admin/apps">アプリ一覧に戻る</a></p>`,
  );
}

export function sendAppSettingsPage(res: Response, input: { app: RegisteredApp; installation: Installation; memberNames: string[] }): void {
  const base = `/admin/apps/${encodeURIComponent(input.app.clientId)}`;
  sendWorksPage(
    res,
    200,
    `${input.app.name}の設定`,
    html`<section class="card">
<h1>${input.app.name}の設定</h1>
<dl>
<dt>利用するメンバー</dt>
<dd>${input.installation.members === 'all' ? 'すべてのメンバー' : input.memberNames.join('、')}</dd>
<dt>Bot</dt>
<dd>${[...input.installation.botIds].join(', ')}</dd>
<dt>追加日時</dt>
<dd>${input.installation.installedAt}</dd>
</dl>
<a class="button danger" href="${base}/uninstall">アプリを削除</a>
<a class="button" href="${base}">戻る</a>
</section>`,
  );
}

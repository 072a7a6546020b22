// The emulator's start page: who is signed in and where they can go (talk, admin, log out).

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import type { Tenant, TenantUser } from '../state';
import { sendWorksPage } from './layout';

export function sendHomePage(res: Response, signedIn: { tenant: Tenant; user: TenantUser } | undefined): void {
  const body =
    signedIn === undefined
      ? html`<section class="card"><h1>LINE WORKS</h1><p>ログインしていません。</p><a class="button primary" href="/login">ログイン</a></section>`
      : html`<section class="card">
<h1>LINE WORKS</h1>
<p>${signedIn.user.name ?? signedIn.user.userId}(${signedIn.tenant.domainName})でログイン中</p>
<a class="button primary" href="/talk/new">トーク</a>
${signedIn.user.isAdministrator ? html`<a class="button" href="/admin/apps">Admin</a>` : null}
<form method="post" action="/logout"><button type="submit">ログアウト</button></form>
</section>`;
  sendWorksPage(res, 200, 'ホーム', body);
}

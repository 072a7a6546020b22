// The emulator's freee start page: who is signed in, their current 事業所, and links.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import type { FreeeUser } from '../seed-schema';
import { sendFreeePage } from './layout';

export function sendFreeeHomePage(res: Response, signedIn: { user: FreeeUser; companyName: string | undefined } | undefined): void {
  const body =
    signedIn === undefined
      ? html`<section class="card"><h1>freee</h1><p>ログインしていません。</p><a class="button primary" href="/login">ログイン</a></section>`
      : html`<section class="card">
<h1>freee</h1>
<p>${signedIn.user.display_name ?? signedIn.user.email}でログイン中</p>
<p>事業所: <strong>${signedIn.companyName ?? '(なし)'}</strong></p>
<a class="button" href="/companies/switch">事業所を切り替える</a>
<form method="post" action="/logout"><button type="submit">ログアウト</button></form>
</section>`;
  sendFreeePage(res, 200, 'ホーム', body);
}

// The emulator's start page: who is signed in and where they can go (the Official Account chat,
// settings, log out).

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import type { LineUser } from '../state';
import { sendLinePage } from './layout';

export function sendHomePage(res: Response, user: LineUser | undefined, officialAccountName: string | undefined): void {
  const body =
    user === undefined
      ? html`<section class="card"><h1>LINE</h1><p>ログインしていません。</p><a class="button primary" href="/login">ログイン</a></section>`
      : html`<section class="card">
<h1>LINE</h1>
<p>${user.displayName}でログイン中</p>
${officialAccountName === undefined ? null : html`<a class="button primary" href="/chat">${officialAccountName}とのトーク</a>`}
<a class="button" href="/settings">設定</a>
<form method="post" action="/logout"><button type="submit">ログアウト</button></form>
</section>`;
  sendLinePage(res, 200, 'ホーム', body);
}

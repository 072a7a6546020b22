// The emulator's LINE login page (e-mail address and password), where authorize and the chat and
// settings pages send a signed-out person.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import { sendLinePage } from './layout';

export const LOGIN_FAILED_MESSAGE = 'メールアドレスまたはパスワードが正しくありません。';

export function sendLoginPage(res: Response, input: { next: string; loginId?: string; error?: string; status?: number }): void {
  sendLinePage(
    res,
    input.status ?? 200,
    'ログイン',
    html`<section class="card">
<h1>LINEにログイン</h1>
${input.error === undefined ? null : html`<p class="error" role="alert">${input.error}</p>`}
<form method="post" action="/login">
<input type="hidden" name="next" value="${input.next}">
<label>メールアドレス<input type="text" name="loginId" inputmode="email" autocomplete="username" value="${input.loginId ?? ''}" required></label>
<label>パスワード<input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">ログイン</button>
</form>
</section>`,
  );
}

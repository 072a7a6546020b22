// The freee login page (email and password) of the emulator.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import { sendFreeePage } from './layout';

export const FREEE_LOGIN_FAILED_MESSAGE = 'メールアドレスまたはパスワードが正しくありません。';

export function sendFreeeLoginPage(res: Response, input: { next: string; email?: string; error?: string; status?: number }): void {
  sendFreeePage(
    res,
    input.status ?? 200,
    'ログイン',
    html`<section class="card">
<h1>freeeにログイン</h1>
${input.error === undefined ? null : html`<p class="error" role="alert">${input.error}</p>`}
<form method="post" action="/login">
<input type="hidden" name="next" value="${input.next}">
<label>メールアドレス<input type="email" name="email" autocomplete="username" value="${input.email ?? ''}" required></label>
<label>パスワード<input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">ログイン</button>
</form>
</section>`,
  );
}

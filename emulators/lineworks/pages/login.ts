// The LINE WORKS login page (ID and password) of the emulator.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import { sendWorksPage } from './layout';

export const LOGIN_FAILED_MESSAGE = 'IDまたはパスワードが正しくありません。';

export function sendLoginPage(res: Response, input: { next: string; loginId?: string; error?: string; status?: number }): void {
  sendWorksPage(
    res,
    input.status ?? 200,
    'ログイン',
    html`<section class="card">
<h1>LINE WORKSにログイン</h1>
${input.error === undefined ? null : html`<p class="error" role="alert">${input.error}</p>`}
<form method="post" action="/login">
<input type="hidden" name="next" value="${input.next}">
<label>ID(メールアドレス)<input type="text" name="loginId" autocomplete="username" value="${input.loginId ?? ''}" required></label>
<label>パスワード<input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">ログイン</button>
</form>
</section>`,
  );
}

// The LINE Login consent page (認証画面): the app, the permissions it asks for — the e-mail one as a
// box the user may untick — the add-friend toggle of bot_prompt=normal, and 「許可する」 /
// 「キャンセル」.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import { sendLinePage } from './layout';

export const CONSENT_PATH = '/oauth2/v2.1/authorize/consent';

export function sendConsentPage(
  res: Response,
  input: { requestId: string; appName: string; userName: string; scopes: string[]; addFriendToggle?: string },
): void {
  const required = [
    input.scopes.includes('profile') ? html`<li>メインプロフィール情報(必須)<br><span class="muted">表示名、プロフィール画像、ステータスメッセージ</span></li>` : null,
    input.scopes.includes('openid') ? html`<li>あなたの内部識別子(必須)</li>` : null,
  ];
  sendLinePage(
    res,
    200,
    '認証',
    html`<section class="card">
<h1>${input.appName}</h1>
<p>${input.userName}さん、${input.appName}が次の権限を求めています。</p>
<form method="post" action="${CONSENT_PATH}">
<input type="hidden" name="request" value="${input.requestId}">
<ul class="plain">
${required}
${input.scopes.includes('email') ? html`<li><label><input type="checkbox" name="email" value="allow" checked> メールアドレスの取得</label></li>` : null}
</ul>
${
  input.addFriendToggle === undefined
    ? null
    : html`<p><label><input type="checkbox" name="add_friend" value="on" checked> ${input.addFriendToggle}を友だち追加</label></p>`
}
<button type="submit" name="decision" value="allow" class="primary">許可する</button>
<button type="submit" name="decision" value="deny">キャンセル</button>
</form>
</section>`,
  );
}

// The add-friend screen of bot_prompt=aggressive, shown after consent: the linked Official
// Account's name, 「友だち追加」 and a way to go on without adding it.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import { sendLinePage } from './layout';

export const FRIEND_ADD_PATH = '/oauth2/v2.1/authorize/friend';

export function sendFriendAddPage(res: Response, input: { requestId: string; officialAccountName: string; appName: string; blocked: boolean }): void {
  sendLinePage(
    res,
    200,
    '友だち追加',
    html`<section class="card" style="text-align:center">
<div style="width:72px;height:72px;border-radius:50%;background:#06c755;color:#fff;font-size:32px;line-height:72px;margin:8px auto" aria-hidden="true">${[...input.officialAccountName][0] ?? 'L'}</div>
<h1>${input.officialAccountName}</h1>
<p>${input.appName}の公式アカウントを友だち追加して、お知らせを受け取りましょう。</p>
${input.blocked ? html`<p class="muted">このアカウントはブロック中です。友だち追加するとブロックが解除されます。</p>` : null}
<form method="post" action="${FRIEND_ADD_PATH}">
<input type="hidden" name="request" value="${input.requestId}">
<button type="submit" name="decision" value="add" class="primary" style="width:100%">友だち追加</button>
<button type="submit" name="decision" value="skip" style="width:100%">追加しない</button>
</form>
</section>`,
  );
}

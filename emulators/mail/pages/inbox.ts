// The inbox (`GET /inbox`): every message, newest first, optionally only one recipient's (?to=),
// each linking to its page.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import type { StoredMessage } from '../stored-message';
import { addressLabel, jstTime } from './format';
import { sendMailPage } from './layout';

const INPUT_STYLE = 'width:100%;padding:10px;font-size:16px;border:1px solid #bbb;border-radius:6px';

export function sendInboxPage(res: Response, input: { messages: StoredMessage[]; to?: string }): void {
  const newestFirst = [...input.messages].reverse();
  sendMailPage(
    res,
    200,
    '受信箱',
    html`<section class="card">
<h1>受信箱</h1>
<form method="get" action="/inbox">
<label>宛先で絞り込む<br><input type="email" name="to" value="${input.to ?? ''}" placeholder="partner@example.com" style="${INPUT_STYLE}"></label>
<button type="submit">絞り込む</button>${input.to === undefined ? null : html` <a class="button" href="/inbox">すべて表示</a>`}
</form>
</section>
<section class="card">
<p class="muted">${newestFirst.length}件</p>
${
  newestFirst.length === 0
    ? html`<p>メールはまだありません。</p>`
    : html`<ul class="plain">
${newestFirst.map(
  (message) => html`<li data-message-id="${message.id}">
<a href="/inbox/${encodeURIComponent(message.id)}"><strong>${message.subject === '' ? '（件名なし）' : message.subject}</strong></a><br>
<span class="muted">${addressLabel(message.from)} → ${message.to.join(', ')}</span><br>
<span class="muted">${jstTime(message.receivedAt)}</span>
</li>`,
)}
</ul>`
}
</section>`,
  );
}

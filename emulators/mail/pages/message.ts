// One message (`GET /inbox/:id`): subject, addresses, dates, Message-ID, the text body with its
// http(s) links clickable, and the HTML body shown safely — inside a sandboxed iframe (`srcdoc`,
// no scripts, no same-origin access; links open in a new tab).

import type { Response } from 'express';
import { html, safeHref, type Html } from '../../../api/pages/html';
import type { StoredMessage } from '../stored-message';
import { addressLabel, jstTime } from './format';
import { sendMailPage } from './layout';

const URL_PATTERN = /https?:\/\/[^\s<>"'「」（）]+/g;

/** Plain text with its http(s) URLs as links; everything escaped. */
function linkified(text: string): Html[] {
  const parts: Html[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index;
    parts.push(html`${text.slice(last, index)}`);
    const href = safeHref(match[0]);
    parts.push(href === undefined ? html`${match[0]}` : html`<a href="${href}" target="_blank" rel="noopener noreferrer">${match[0]}</a>`);
    last = index + match[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return parts;
}

export function sendMessagePage(res: Response, message: StoredMessage): void {
  const recipients = message.headerTo.length > 0 ? message.headerTo.map(addressLabel).join(', ') : message.to.join(', ');
  sendMailPage(
    res,
    200,
    message.subject === '' ? '（件名なし）' : message.subject,
    html`<p><a href="/inbox">← 受信箱</a></p>
<section class="card">
<h1>${message.subject === '' ? '（件名なし）' : message.subject}</h1>
<dl>
<dt>差出人</dt><dd>${addressLabel(message.from)}</dd>
<dt>宛先</dt><dd>${recipients}</dd>
${message.cc.length === 0 ? null : html`<dt>CC</dt><dd>${message.cc.map(addressLabel).join(', ')}</dd>`}
<dt>受信日時</dt><dd>${jstTime(message.receivedAt)}</dd>
${message.messageId === null ? null : html`<dt>Message-ID</dt><dd style="word-break:break-all">${message.messageId}</dd>`}
${message.attachments.length === 0 ? null : html`<dt>添付ファイル</dt><dd>${message.attachments.map((attachment) => html`${attachment.filename ?? '（名前なし）'}（${attachment.contentType}, ${attachment.size}バイト）<br>`)}</dd>`}
</dl>
</section>
${message.text === null ? null : html`<section class="card"><h2>本文（テキスト）</h2><div class="bubble" style="max-width:100%">${linkified(message.text)}</div></section>`}
${
  message.html === null
    ? null
    : html`<section class="card"><h2>本文（HTML）</h2>
<iframe title="HTML本文" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" srcdoc="${`<base target="_blank">${message.html}`}" style="width:100%;min-height:360px;border:1px solid #ddd;border-radius:6px;background:#fff"></iframe>
</section>`
}`,
  );
}

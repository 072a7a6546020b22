// The Official Account chat as the LINE user sees it on the phone: the pushed messages that reached
// them (a text's text; a buttons or confirm template's text, any other template, flex or imagemap
// message's altText, a location's title, the type of a sticker or media; the message's actions as
// buttons: uri as links, postback and message that tap), their own lines, the per-user rich menu, a message box, and the menu at the top right
// (右上三本線) with 「ブロック」 / 「ブロック解除」 and 設定.

import type { Response } from 'express';
import { html, safeHref, type Html } from '../../../api/pages/html';
import { actionsOf, summaryOf, type FlexAction, type PushMessage } from '../message-schema';
import type { RichMenu } from '../richmenus';
import type { RichMenuAction } from '../richmenu-schema';
import type { LineUser } from '../state';
import { sendLinePage } from './layout';

export type ChatEntry = { mine: true; at: string; text: string } | { mine: false; at: string; message: PushMessage; sentMessageId: string };

export const CHAT_NOTICES: Record<string, string> = {
  blocked: 'ブロックしました。このアカウントからのメッセージは届きません。',
  unblocked: 'ブロックを解除しました。',
  added: '友だち追加しました。',
  refused: 'ブロック中または友だちではないため、この操作はできません。',
};

function hiddenForm(action: string, fields: Record<string, string>, label: string, primary = false): Html {
  return html`<form method="post" action="${action}" style="display:inline">
${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<button type="submit"${primary ? html` class="primary"` : null}>${label}</button>
</form>`;
}

function linkOrText(label: string, uri: string): Html {
  const href = safeHref(uri);
  return href === undefined ? html`<span class="button" title="${uri}">${label}</span>` : html`<a class="button" href="${href}">${label}</a>`;
}

function actionButton(sentMessageId: string, action: FlexAction, index: number): Html {
  const label = action.label ?? action.type;
  if (action.type === 'uri') return linkOrText(label, action.uri);
  if (action.type === 'postback') return hiddenForm('/chat/postback', { message: sentMessageId, action: String(index) }, label);
  if (action.type === 'message') return hiddenForm('/chat/messages', { text: action.text }, label);
  return html`<span class="button">${label}</span>`;
}

function bubble(entry: Extract<ChatEntry, { mine: false }>): Html {
  const { message } = entry;
  const actions = actionsOf(message);
  const buttons = actions.length === 0 ? null : html`<div class="menu" style="margin-top:8px">${actions.map((action, index) => actionButton(entry.sentMessageId, action, index))}</div>`;
  if (message.type === 'template' && (message.template.type === 'buttons' || message.template.type === 'confirm')) {
    const title = message.template.type === 'buttons' ? message.template.title : undefined;
    return html`<div class="bubble" aria-label="${message.altText}">
${title === undefined ? null : html`<strong>${title}</strong><br>`}${message.template.text}
${buttons}
</div>`;
  }
  return html`<div class="bubble">${summaryOf(message)}${buttons}</div>`;
}

function areaLabel(action: RichMenuAction, index: number): string {
  return action.label ?? (action.type === 'message' ? action.text : `メニュー${index + 1}`);
}

function richMenu(menu: RichMenu | undefined): Html {
  if (menu === undefined) return html``;
  return html`<section class="card" aria-label="リッチメニュー">
<p class="muted">${menu.chatBarText}</p>
<div class="menu">
${menu.areas.map((area, index) => {
  const label = areaLabel(area.action, index);
  if (area.action.type === 'uri') return linkOrText(label, area.action.uri);
  if (area.action.type === 'message') return hiddenForm('/chat/messages', { text: area.action.text }, label);
  return hiddenForm('/chat/richmenu', { richmenu: menu.richMenuId, area: String(index) }, label);
})}
</div>
</section>`;
}

function topRightMenu(user: LineUser): Html {
  return html`<details style="position:relative">
<summary aria-label="メニュー" style="list-style:none;cursor:pointer;font-size:28px;line-height:1;padding:4px 8px">&#8801;</summary>
<div style="position:absolute;right:0;top:40px;background:#fff;border:1px solid #ddd;border-radius:8px;padding:8px;z-index:1;min-width:180px">
${user.blocked ? hiddenForm('/chat/unblock', {}, 'ブロック解除') : hiddenForm('/chat/block', {}, 'ブロック')}
<a class="button" href="/settings">設定</a>
</div>
</details>`;
}

export function sendChatPage(res: Response, input: { officialAccountName: string; user: LineUser; timeline: ChatEntry[]; menu: RichMenu | undefined; notice?: string }): void {
  const { user } = input;
  const reachable = user.friend && !user.blocked;
  sendLinePage(
    res,
    200,
    input.officialAccountName,
    html`<section class="card">
<div style="display:flex;justify-content:space-between;align-items:center">
<h1 style="margin:0">${input.officialAccountName}</h1>
<div style="display:flex;align-items:center;gap:4px">
<a href="/settings" aria-label="設定" title="設定" style="font-size:24px;text-decoration:none;color:#555">&#9881;</a>
${topRightMenu(user)}
</div>
</div>
</section>
${input.notice === undefined ? null : html`<p class="notice" role="status">${input.notice}</p>`}
${user.blocked ? html`<section class="card"><p class="error">ブロック中です。このアカウントからのメッセージは届きません。</p>${hiddenForm('/chat/unblock', {}, 'ブロック解除', true)}</section>` : null}
${!user.friend && !user.blocked ? html`<section class="card"><p>友だち追加すると、このアカウントからのメッセージを受け取れます。</p>${hiddenForm('/chat/friend', {}, '友だち追加', true)}</section>` : null}
<section class="card timeline">
${input.timeline.length === 0 ? html`<p class="muted">まだメッセージはありません。</p>` : null}
${input.timeline.map((entry) => (entry.mine ? html`<div class="bubble mine">${entry.text}</div>` : bubble(entry)))}
</section>
${reachable ? richMenu(input.menu) : null}
${
  reachable
    ? html`<section class="card"><form method="post" action="/chat/messages">
<label>メッセージ<input type="text" name="text" required></label>
<button type="submit">送信</button>
<a class="button" href="/chat">更新</a>
</form></section>`
    : null
}`,
  );
}

// The talk screens for people: the new-talk picker (外部ユーザーとトーク → pick an app → [OK]),
// the room list, and a 1:1 room with a bot: its messages (text, button templates with their
// links, flex as alt text), what the person did, the effective rich menu and a message box. On a
// phone the rich menu is its image with a tap target over each area (named by the area's action
// label); on the desktop, and on a phone when the menu has no image, it is one labelled button per
// area (docs/providers/line-works.md#rich-menus).

import type { Response } from 'express';
import { html, safeHref, type Html } from '../../../api/pages/html';
import type { TalkDevice } from '../device';
import type { RichMenuAction, RichMenuArea } from '../richmenu-schema';
import type { EffectiveMenu, RichMenu } from '../richmenus';
import { sendWorksPage } from './layout';

export interface TalkBot {
  botId: string;
  name: string;
}

export type TimelineEntry = { mine: true; at: string; text: string } | { mine: false; at: string; content: unknown };

export function sendTalkNewPage(res: Response, bots: TalkBot[]): void {
  sendWorksPage(
    res,
    200,
    '外部ユーザーとトーク',
    html`<section class="card">
<h1>外部ユーザーとトーク</h1>
${
  bots.length === 0
    ? html`<p>トークできるアプリがありません。管理者にアプリの追加を依頼してください。</p>`
    : html`<form method="post" action="/talk/new">
<ul class="plain">
${bots.map((bot, index) => html`<li><label><input type="radio" name="bot" value="${bot.botId}"${index === 0 ? html` checked` : null}> ${bot.name}</label></li>`)}
</ul>
<button type="submit" class="primary">OK</button>
</form>`
}
</section>
<p><a href="/talk">トーク一覧</a></p>`,
  );
}

export function sendTalkListPage(res: Response, bots: TalkBot[]): void {
  sendWorksPage(
    res,
    200,
    'トーク',
    html`<section class="card">
<h1>トーク</h1>
<ul class="plain">
${bots.map((bot) => html`<li><a href="/talk?bot=${encodeURIComponent(bot.botId)}">${bot.name}</a></li>`)}
</ul>
<a class="button primary" href="/talk/new">+ 新規トーク</a>
</section>`,
  );
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function messageButton(botId: string, label: string, text: string, postback: string | undefined): Html {
  return html`<form method="post" action="/talk/messages">
<input type="hidden" name="bot" value="${botId}">
<input type="hidden" name="text" value="${text}">
${postback === undefined ? null : html`<input type="hidden" name="postback" value="${postback}">`}
<button type="submit">${label}</button>
</form>`;
}

function templateAction(botId: string, action: unknown): Html {
  if (typeof action !== 'object' || action === null) return html``;
  const fields = action as Record<string, unknown>;
  const label = textOf(fields.label) ?? '';
  const uri = textOf(fields.uri);
  if (fields.type === 'uri' && uri !== undefined) {
    const href = safeHref(uri);
    return href === undefined ? html`<span>${label} (${uri})</span>` : html`<a class="button" href="${href}">${label}</a>`;
  }
  if (fields.type === 'message') return messageButton(botId, label, textOf(fields.text) ?? label, textOf(fields.postback));
  return html`<span class="button">${label}</span>`;
}

function botContent(botId: string, content: unknown): Html {
  if (typeof content !== 'object' || content === null) return html`${JSON.stringify(content)}`;
  const fields = content as Record<string, unknown>;
  if (fields.type === 'text') return html`${textOf(fields.text) ?? ''}`;
  if (fields.type === 'button_template') {
    const actions = Array.isArray(fields.actions) ? (fields.actions as unknown[]) : [];
    return html`${textOf(fields.contentText) ?? ''}<div class="menu">${actions.map((action) => templateAction(botId, action))}</div>`;
  }
  if (fields.type === 'flex') return html`${textOf(fields.altText) ?? ''}`;
  return html`${JSON.stringify(content)}`;
}

export function areaLabel(action: RichMenuAction, index: number): string {
  return action.label ?? (action.type === 'message' ? action.text : `メニュー${index + 1}`);
}

/** Where the menu's image is served to the signed-in member (GET, see talk-route.ts). */
export function richMenuImagePath(botId: string, richmenuId: string): string {
  return `/talk/richmenu-image?${new URLSearchParams({ bot: botId, richmenu: richmenuId }).toString()}`;
}

/** What tapping an area does: a link for `uri`, nothing for `copy`, else a form posting the tap. */
function areaControl(botId: string, menu: RichMenu, area: RichMenuArea, index: number, look: { attributes: Html; content: string }): Html {
  if (area.action.type === 'uri') {
    const href = safeHref(area.action.uri);
    return href === undefined ? html`<span class="button"${look.attributes}>${look.content}</span>` : html`<a class="button" href="${href}"${look.attributes}>${look.content}</a>`;
  }
  if (area.action.type === 'copy') return html`<span class="button" title="${area.action.copyText}"${look.attributes}>${look.content}</span>`;
  return html`<form method="post" action="/talk/actions">
<input type="hidden" name="bot" value="${botId}">
<input type="hidden" name="richmenu" value="${menu.richmenuId}">
<input type="hidden" name="area" value="${index}">
<button type="submit"${look.attributes}>${look.content}</button>
</form>`;
}

const percent = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(4)}%`;

/** The phone's rich menu: the image, and over each area a transparent tap target named by its label. */
function richMenuImage(botId: string, menu: RichMenu): Html {
  const { width, height } = menu.size;
  const target =
    'display:block;position:absolute;inset:0;width:100%;height:100%;min-width:0;margin:0;padding:0;border:0;border-radius:0;background:transparent;font-size:0;color:transparent';
  return html`<div class="richmenu-image" style="position:relative;line-height:0">
<img src="${richMenuImagePath(botId, menu.richmenuId)}" alt="" width="${width}" height="${height}" style="display:block;width:100%;height:auto">
${menu.areas.map((area, index) => {
  const { x, y, width: w, height: h } = area.bounds;
  const place = `position:absolute;left:${percent(x, width)};top:${percent(y, height)};width:${percent(w, width)};height:${percent(h, height)};margin:0`;
  const label = areaLabel(area.action, index);
  return html`<div class="richmenu-area" data-area="${index}" style="${place}">${areaControl(botId, menu, area, index, { attributes: html` aria-label="${label}" style="${target}"`, content: '' })}</div>`;
})}
</div>`;
}

function richMenu(botId: string, effective: EffectiveMenu | undefined, device: TalkDevice): Html {
  if (effective === undefined) return html``;
  const { menu } = effective;
  if (device === 'mobile' && menu.image !== undefined) {
    return html`<section class="card" aria-label="リッチメニュー" data-richmenu-view="image">
${richMenuImage(botId, menu)}
</section>`;
  }
  return html`<section class="card" aria-label="リッチメニュー" data-richmenu-view="labels">
<div class="menu">
${menu.areas.map((area, index) => areaControl(botId, menu, area, index, { attributes: html``, content: areaLabel(area.action, index) }))}
</div>
</section>`;
}

export function sendTalkRoomPage(res: Response, input: { bot: TalkBot; timeline: TimelineEntry[]; menu: EffectiveMenu | undefined; device: TalkDevice }): void {
  const botId = input.bot.botId;
  sendWorksPage(
    res,
    200,
    input.bot.name,
    html`<section class="card">
<h1>${input.bot.name}</h1>
<div class="timeline">
${input.timeline.length === 0 ? html`<p class="muted">まだメッセージはありません。</p>` : null}
${input.timeline.map((entry) =>
  entry.mine ? html`<div class="bubble mine">${entry.text}</div>` : html`<div class="bubble">${botContent(botId, entry.content)}</div>`,
)}
</div>
<form method="post" action="/talk/messages">
<input type="hidden" name="bot" value="${botId}">
<label>メッセージ<input type="text" name="text" required></label>
<button type="submit">送信</button>
<a class="button" href="/talk?bot=${encodeURIComponent(botId)}">更新</a>
</form>
</section>
${richMenu(botId, input.menu, input.device)}
<p><a href="/talk">トーク一覧</a></p>`,
  );
}

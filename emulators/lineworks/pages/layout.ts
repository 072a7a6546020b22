// The LINE WORKS look of the emulator's pages and the messages every page shares (login needed,
// invalid client, plain notices), in Japanese as LINE WORKS shows them to Japanese users.

import type { Response } from 'express';
import { html, type Html } from '../../../api/pages/html';
import { sendPage, sendThemedMessagePage, type PageTheme } from '../../harness/page';

export const WORKS_THEME: PageTheme = { brand: 'LINE WORKS', accent: '#00883a' };

/** The seed's error table quotes this LINE WORKS message verbatim. */
export const INVALID_CLIENT_MESSAGE = '有効ではないクライアント情報です';
export const ADMIN_REQUIRED_MESSAGE = 'LINE WORKSの管理者権限が必要です';

export function sendWorksPage(res: Response, status: number, title: string, body: Html): void {
  sendPage(res, status, WORKS_THEME, title, body);
}

export function sendMessagePage(res: Response, status: number, title: string, message: string, links: { href: string; label: string }[] = []): void {
  sendThemedMessagePage(res, WORKS_THEME, status, title, message, links);
}

export function sendInvalidClientPage(res: Response, detail: string): void {
  sendWorksPage(
    res,
    400,
    INVALID_CLIENT_MESSAGE,
    html`<section class="card">
<h1>${INVALID_CLIENT_MESSAGE}</h1>
<p class="error">${INVALID_CLIENT_MESSAGE}</p>
<p class="muted">${detail}</p>
</section>`,
  );
}

const SCOPE_LABELS: Record<string, string> = {
  openid: 'ログイン情報(OpenID Connect)',
  email: 'メールアドレス',
  profile: 'プロフィール(氏名)',
  bot: 'Botの利用',
  'bot.message': 'Botメッセージの送信',
  'bot.read': 'Bot情報の参照',
  user: 'メンバー情報の参照・変更',
  'user.read': 'メンバー情報の参照',
  'user.email.read': 'メンバーのメールアドレスの参照',
  'user.profile.read': 'メンバーのプロフィールの参照',
  directory: '組織情報の参照・変更',
  'directory.read': '組織情報の参照',
};

export function scopeList(scopes: readonly string[]): Html {
  return html`<ul>${scopes.map((scope) => html`<li>${SCOPE_LABELS[scope] ?? scope} <span class="muted">(${scope})</span></li>`)}</ul>`;
}

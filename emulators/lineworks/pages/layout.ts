// The LINE WORKS look of the emulator's pages and the messages every page shares (login needed,
// invalid client, plain notices), in Japanese as LINE WORKS shows them to Japanese users.

import type { Response } from 'express';
import { html, type Html } from '../../../api/pages/html';
import { themedPages, type PageTheme } from '../../harness/page';

export const WORKS_THEME: PageTheme = { brand: 'LINE WORKS', accent: '#00883a' };

/** The seed's error table quotes this LINE WORKS message verbatim. */
export const INVALID_CLIENT_MESSAGE = '有効ではないクライアント情報です';
export const ADMIN_REQUIRED_MESSAGE = 'LINE WORKSの管理者権限が必要です';

const WORKS_PAGES = themedPages(WORKS_THEME);

export const sendWorksPage = WORKS_PAGES.send;

export const sendMessagePage = WORKS_PAGES.sendMessage;

export function sendInvalidClientPage(res: Response, detail: string): void {
  WORKS_PAGES.sendBadRequest(res, INVALID_CLIENT_MESSAGE, { heading: INVALID_CLIENT_MESSAGE, error: INVALID_CLIENT_MESSAGE, note: detail });
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

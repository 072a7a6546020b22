// The freee look of the emulator's pages and the notices they share, in Japanese.

import type { Response } from 'express';
import { html, type Html } from '../../../api/pages/html';
import { sendPage, sendThemedMessagePage, type PageTheme } from '../../harness/page';

export const FREEE_THEME: PageTheme = { brand: 'freee', accent: '#2864f0' };

export function sendFreeePage(res: Response, status: number, title: string, body: Html): void {
  sendPage(res, status, FREEE_THEME, title, body);
}

export function sendFreeeMessagePage(res: Response, status: number, title: string, message: string, links: { href: string; label: string }[] = []): void {
  sendThemedMessagePage(res, FREEE_THEME, status, title, message, links);
}

/** An authorize request naming an unknown client or an unregistered redirect_uri: no redirect. */
export function sendInvalidAuthorizePage(res: Response, detail: string): void {
  sendFreeePage(
    res,
    400,
    '認可リクエストが不正です',
    html`<section class="card">
<h1>認可リクエストが不正です</h1>
<p class="error" role="alert">${detail}</p>
<p class="muted">アプリの提供元にお問い合わせください。</p>
</section>`,
  );
}

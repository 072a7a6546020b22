// The LINE look of the emulator's pages and the notices every page shares (bad authorization
// request, plain messages), in Japanese as LINE shows them to Japanese users.

import type { Response } from 'express';
import { html, type Html } from '../../../api/pages/html';
import { sendPage, sendThemedMessagePage, type PageTheme } from '../../harness/page';

export const LINE_THEME: PageTheme = { brand: 'LINE', accent: '#06c755' };

export const INVALID_REQUEST_TITLE = '不正なリクエストです';

export function sendLinePage(res: Response, status: number, title: string, body: Html): void {
  sendPage(res, status, LINE_THEME, title, body);
}

export function sendMessagePage(res: Response, status: number, title: string, message: string, links: { href: string; label: string }[] = []): void {
  sendThemedMessagePage(res, LINE_THEME, status, title, message, links);
}

/** Unknown client_id or unregistered redirect_uri: a 400 page, never a redirect. */
export function sendInvalidRequestPage(res: Response, detail: string): void {
  sendLinePage(
    res,
    400,
    INVALID_REQUEST_TITLE,
    html`<section class="card">
<h1>400 Bad Request</h1>
<p class="error">${INVALID_REQUEST_TITLE}</p>
<p class="muted">${detail}</p>
</section>`,
  );
}

// The LINE look of the emulator's pages and the notices every page shares (bad authorization
// request, plain messages), in Japanese as LINE shows them to Japanese users.

import type { Response } from 'express';
import { themedPages, type PageTheme } from '../../harness/page';

export const LINE_THEME: PageTheme = { brand: 'LINE', accent: '#06c755' };

export const INVALID_REQUEST_TITLE = '不正なリクエストです';

const LINE_PAGES = themedPages(LINE_THEME);

export const sendLinePage = LINE_PAGES.send;

export const sendMessagePage = LINE_PAGES.sendMessage;

/** Unknown client_id or unregistered redirect_uri: a 400 page, never a redirect. */
export function sendInvalidRequestPage(res: Response, detail: string): void {
  LINE_PAGES.sendBadRequest(res, INVALID_REQUEST_TITLE, { heading: '400 Bad Request', error: INVALID_REQUEST_TITLE, note: detail });
}

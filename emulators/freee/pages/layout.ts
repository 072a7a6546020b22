// The freee look of the emulator's pages and the notices they share, in Japanese.

import type { Response } from 'express';
import { themedPages, type PageTheme } from '../../harness/page';

export const FREEE_THEME: PageTheme = { brand: 'freee', accent: '#2864f0' };

const FREEE_PAGES = themedPages(FREEE_THEME);

export const sendFreeePage = FREEE_PAGES.send;

export const sendFreeeMessagePage = FREEE_PAGES.sendMessage;

/** An authorize request naming an unknown client or an unregistered redirect_uri: no redirect. */
export function sendInvalidAuthorizePage(res: Response, detail: string): void {
  FREEE_PAGES.sendBadRequest(res, '認可リクエストが不正です', { heading: '認可リクエストが不正です', error: detail, note: 'アプリの提供元にお問い合わせください。' });
}

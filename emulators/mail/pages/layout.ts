// The mail sink's look: the shared page layout with a neutral mailbox colour.

import type { Response } from 'express';
import type { Html } from '../../../api/pages/html';
import { sendPage, sendThemedMessagePage, type PageTheme } from '../../harness/page';

export const MAIL_THEME: PageTheme = { brand: 'メール受信箱（開発用）', accent: '#5f6368' };

export function sendMailPage(res: Response, status: number, title: string, body: Html): void {
  sendPage(res, status, MAIL_THEME, title, body);
}

export function sendMailMessagePage(res: Response, status: number, title: string, message: string, links: { href: string; label: string }[] = []): void {
  sendThemedMessagePage(res, MAIL_THEME, status, title, message, links);
}

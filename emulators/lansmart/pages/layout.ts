// The Lansmart look of the emulator's company console: the shared page layout in the platform's colour.

import type { Response } from 'express';
import type { Html } from '../../../api/pages/html';
import { sendPage, type PageTheme } from '../../harness/page';

export const LANSMART_THEME: PageTheme = { brand: 'Lansmart by SmartHR（企業）', accent: '#0b7d8c' };

/** Inputs the shared stylesheet does not cover (date, number, select, textarea). */
export const FIELD_STYLE = 'width:100%;padding:10px;font-size:16px;border:1px solid #bbb;border-radius:6px;background:#fff';

export function sendLansmartPage(res: Response, status: number, title: string, body: Html): void {
  sendPage(res, status, LANSMART_THEME, title, body);
}

// The mail sink's look: the shared page layout with a neutral mailbox colour.

import { themedPages, type PageTheme } from '../../harness/page';

export const MAIL_THEME: PageTheme = { brand: 'メール受信箱（開発用）', accent: '#5f6368' };

const MAIL_PAGES = themedPages(MAIL_THEME);

export const sendMailPage = MAIL_PAGES.send;

export const sendMailMessagePage = MAIL_PAGES.sendMessage;

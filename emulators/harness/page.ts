// The one page layout every emulator screen uses: Japanese, phone-first (readable at 390px wide),
// inline styles only (no external assets), a provider-coloured header.

import type { Response } from 'express';
import { html, htmlToString, trustedHtml, type Html } from '../../api/pages/html';

export interface PageTheme {
  /** Shown in the header ("LINE WORKS", "freee"). */
  brand: string;
  /** Header and primary-button colour. */
  accent: string;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,"Hiragino Sans","Noto Sans JP",Meiryo,sans-serif;background:#f4f5f7;color:#222;font-size:16px;line-height:1.6}
header{color:#fff;padding:12px 16px;font-weight:bold}
main{max-width:640px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;padding:16px;margin:0 0 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h1{font-size:1.25rem;margin:0 0 12px}
h2{font-size:1.05rem;margin:16px 0 8px}
label{display:block;margin:8px 0}
input[type=text],input[type=email],input[type=password]{width:100%;padding:10px;font-size:16px;border:1px solid #bbb;border-radius:6px}
button,.button{display:inline-block;min-width:120px;padding:10px 16px;margin:4px 8px 4px 0;font-size:16px;border-radius:6px;border:1px solid #999;background:#fff;color:#222;text-decoration:none;text-align:center;cursor:pointer}
.primary{color:#fff;border-color:transparent}
.danger{background:#d93025;color:#fff;border-color:transparent}
.error{background:#fdecea;color:#a50e0e;border-radius:6px;padding:10px 12px;margin:0 0 12px}
.notice{background:#e8f5e9;border-radius:6px;padding:10px 12px;margin:0 0 12px}
.muted{color:#666;font-size:.9rem}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain li{padding:8px 0;border-bottom:1px solid #eee}
.bubble{background:#fff;border-radius:12px;padding:10px 12px;margin:8px 0;max-width:90%;white-space:pre-wrap;word-break:break-word}
.bubble.mine{margin-left:auto;background:#dcf8c6}
.menu{display:flex;flex-wrap:wrap;gap:8px}
.menu form{margin:0}
.menu button,.menu .button{margin:0}
dl{margin:0}dt{font-weight:bold}dd{margin:0 0 8px}
`;

export function renderPage(theme: PageTheme, title: string, body: Html): string {
  const accentCss = `header{background:${theme.accent}}.primary{background:${theme.accent}}`;
  return htmlToString(html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${theme.brand}</title>
<style>${trustedHtml(STYLE + accentCss)}</style>
</head>
<body>
<header>${theme.brand}</header>
<main>
${body}
</main>
</body>
</html>`);
}

export function sendPage(res: Response, status: number, theme: PageTheme, title: string, body: Html): void {
  res
    .status(status)
    .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' })
    .send(renderPage(theme, title, body));
}

export interface PageLink {
  href: string;
  label: string;
}

/** A short notice page: a title, one message and optional links, in the provider's look. */
export function sendThemedMessagePage(res: Response, theme: PageTheme, status: number, title: string, message: string, links: PageLink[] = []): void {
  sendPage(
    res,
    status,
    theme,
    title,
    html`<section class="card">
<h1>${title}</h1>
<p>${message}</p>
${links.map((link) => html`<a class="button" href="${link.href}">${link.label}</a>`)}
</section>`,
  );
}

/** What a 400 page that refuses a request without redirecting anywhere says (a bad client, a bad redirect URI). */
export interface BadRequestCard {
  heading: string;
  error: string;
  note: string;
}

/** One provider's pages in its look. */
export interface ThemedPages {
  readonly theme: PageTheme;
  send: (res: Response, status: number, title: string, body: Html) => void;
  sendMessage: (res: Response, status: number, title: string, message: string, links?: PageLink[]) => void;
  sendBadRequest: (res: Response, title: string, card: BadRequestCard) => void;
}

export function themedPages(theme: PageTheme): ThemedPages {
  const send = (res: Response, status: number, title: string, body: Html): void => sendPage(res, status, theme, title, body);
  return {
    theme,
    send,
    sendMessage: (res, status, title, message, links = []) => sendThemedMessagePage(res, theme, status, title, message, links),
    sendBadRequest: (res, title, card) =>
      send(
        res,
        400,
        title,
        html`<section class="card">
<h1>${card.heading}</h1>
<p class="error" role="alert">${card.error}</p>
<p class="muted">${card.note}</p>
</section>`,
      ),
  };
}

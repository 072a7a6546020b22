// The shell of every page a person sees: Japanese first (English when asked), `<html lang>`
// following, a small language switch, readable on a phone, no external assets and no inline style
// or script (the stylesheet is served by the API).
import { html, type SafeHtml } from './html';
import { DEFAULT_LOCALE, otherLocale, type Catalogue, type MessagesLike, type PageContext } from './locale';
import { stylesheet, stylesheetLink } from './stylesheet';

/** The words of the shell, in each language. */
const ja = {
  /** The label of the language switch: the name of the other language, in that language. */
  switchLabel: 'English',
  switchTitle: 'Show this page in English',
  footer: 'renkei',
};

const en: MessagesLike<typeof ja> = {
  switchLabel: '日本語',
  switchTitle: 'このページを日本語で表示',
  footer: 'renkei',
};

export const LAYOUT_TEXT: Catalogue<typeof ja> = { ja, en };

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;
background:#f5f6f8;color:#1f2328;line-height:1.6}main{max-width:36rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}.card{background:#fff;border-radius:12px;padding:1rem 1.25rem;
box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;margin:0}
dt{color:#59636e}dd{margin:0;word-break:break-all}.ok{color:#1a7f37}.ng{color:#cf222e}.muted{color:#59636e;font-size:.875rem}
ul{padding-left:1.25rem}footer{color:#59636e;font-size:.75rem;text-align:center;margin-top:2rem}
.lang{text-align:right;font-size:.8rem;margin:0}.lang a{color:#2864f0}
.btn{display:block;width:100%;text-align:center;padding:.8rem 1rem;border-radius:8px;font-size:1rem;border:0;margin:.5rem 0;
text-decoration:none;cursor:pointer;font-family:inherit}.primary{background:#2864f0;color:#fff}
.secondary{background:#fff;color:#2864f0;border:1px solid #2864f0}table{width:100%;border-collapse:collapse}
td,th{text-align:left;padding:.35rem .25rem;border-bottom:1px solid #eaeef2;font-size:.9rem}
.card-heading{font-size:1.05rem;margin:0 0 .5rem}.card-heading.small{font-size:1rem}
.remedy-heading{font-size:1rem;margin:.75rem 0 .25rem}`;

/** The shell's stylesheet, served at /assets/page.css. */
export const PAGE_STYLESHEET = stylesheet('page.css', STYLE);

/**
 * A whole page. Without a page context (a page that does not speak English yet) it is Japanese
 * and has no language switch.
 */
export function layout(title: string, body: SafeHtml, ctx?: PageContext): string {
  const locale = ctx?.locale ?? DEFAULT_LOCALE;
  const t = LAYOUT_TEXT[locale];
  const other = otherLocale(locale);
  const brand = ctx?.brand ?? t.footer;
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | ${brand}</title>
${stylesheetLink(PAGE_STYLESHEET)}
</head>
<body><main>
${ctx ? html`<p class="lang"><a href="${ctx.switchHref}" hreflang="${other}" lang="${other}" title="${t.switchTitle}" data-lang-switch="${other}">${t.switchLabel}</a></p>` : ''}
${body}
<footer>${brand}</footer>
</main></body>
</html>`.value;
}

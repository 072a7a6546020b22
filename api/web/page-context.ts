// Which language a page is rendered in, and where its language switch leads. `?lang=ja|en` is the
// person's choice and is remembered in a cookie; without one, the browser's Accept-Language picks
// the first language renkei supports; Japanese otherwise. The switch reloads the same page in the
// other language when the page can be asked for again; a page that showed the outcome of a
// one-time step (a form post, a provider's redirect with a single-use code or state) cannot, so
// its switch opens 通知設定 in the other language instead.
import type { Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale, otherLocale, type Locale, type PageContext } from '../pages/locale';
import { readCookie, writeCookie } from './cookies';

const LANG_COOKIE = 'renkei_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
/** Query parameters that make a GET single-use (asking again would not show the same page). */
const SINGLE_USE_PARAMS = ['code', 'state', 'ticket', 'error'];
const SAFE_PAGE = '/settings/notifications';

function browserLocale(req: Request): Locale {
  const best = req.acceptsLanguages('ja', 'en');
  return isLocale(best) ? best : DEFAULT_LOCALE;
}

function switchHref(req: Request, target: Locale): string {
  const url = new URL(req.originalUrl, 'http://renkei.invalid');
  const repeatable = (req.method === 'GET' || req.method === 'HEAD') && !SINGLE_USE_PARAMS.some((p) => url.searchParams.has(p));
  if (!repeatable) return `${SAFE_PAGE}?lang=${target}`;
  url.searchParams.set('lang', target);
  return `${url.pathname}${url.search}`;
}

/** The page context of this request (computed once; a `?lang=` choice is stored in a cookie). */
export function pageContext(req: Request, res: Response): PageContext {
  const known = res.locals.pageContext as PageContext | undefined;
  if (known) return known;
  const asked = req.query.lang;
  let locale: Locale;
  if (isLocale(asked)) {
    locale = asked;
    // A language preference is not a secret; Secure follows the request's own scheme.
    writeCookie(res, { secure: req.secure }, LANG_COOKIE, asked, ONE_YEAR_SECONDS);
  } else {
    const remembered = readCookie(req, LANG_COOKIE);
    locale = isLocale(remembered) ? remembered : browserLocale(req);
  }
  const context: PageContext = { locale, switchHref: switchHref(req, otherLocale(locale)) };
  res.locals.pageContext = context;
  return context;
}

// Which language a page is rendered in, and where its language switch leads. `?lang=ja|en` is the
// person's choice and is remembered in a cookie; without one, the browser's Accept-Language picks
// the first language renkei supports; Japanese otherwise. The switch reloads the same page in the
// other language when the page can be asked for again; a page that showed the outcome of a
// one-time step (a form post, a provider's redirect with a single-use code or state) cannot, so
// its switch opens a safe page in the other language instead: 通知設定 for renkei's own pages, the
// partner page the caller names for the partner pages (never the freee settings).
import type { Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale, otherLocale, type Locale, type PageContext } from '../pages/locale';
import { readCookie, writeCookie } from './cookies';

const LANG_COOKIE = 'renkei_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
/** Query parameters that make a GET single-use (asking again would not show the same page). */
const SINGLE_USE_PARAMS = ['code', 'state', 'ticket', 'error'];
const SAFE_PAGE = '/settings/notifications';

/** The partner page a one-time partner page's language switch opens when none is given. */
export const PARTNER_SAFE_PAGE = '/partner/login';

function browserLocale(req: Request): Locale {
  const best = req.acceptsLanguages('ja', 'en');
  return isLocale(best) ? best : DEFAULT_LOCALE;
}

/** The person's language: `?lang=` (then remembered), the cookie, the browser, Japanese. */
function chosenLocale(req: Request, res: Response): Locale {
  const asked = req.query.lang;
  if (isLocale(asked)) {
    // A language preference is not a secret; Secure follows the request's own scheme.
    writeCookie(res, { secure: req.secure }, LANG_COOKIE, asked, ONE_YEAR_SECONDS);
    return asked;
  }
  const remembered = readCookie(req, LANG_COOKIE);
  return isLocale(remembered) ? remembered : browserLocale(req);
}

function switchHref(req: Request, target: Locale, safePage: string): string {
  const base = 'http://renkei.invalid';
  const url = new URL(req.originalUrl, base);
  const repeatable = (req.method === 'GET' || req.method === 'HEAD') && !SINGLE_USE_PARAMS.some((p) => url.searchParams.has(p));
  const href = repeatable ? url : new URL(safePage, base);
  href.searchParams.set('lang', target);
  return `${href.pathname}${href.search}`;
}

/** Names the platform (not renkei) on the pages of this request: the pages of the platform's users. */
export function useBrand(res: Response, brand: string): void {
  res.locals.brand = brand;
}

/**
 * The page context of this request (the language is chosen once; a `?lang=` choice is stored in a
 * cookie). `safePage` is where the switch of a one-time page leads (通知設定 when not given).
 */
export function pageContext(req: Request, res: Response, safePage?: string): PageContext {
  const known = res.locals.pageContext as PageContext | undefined;
  if (known && safePage === undefined) return known;
  const locale = known?.locale ?? chosenLocale(req, res);
  const brand = res.locals.brand as string | undefined;
  const context: PageContext = { locale, switchHref: switchHref(req, otherLocale(locale), safePage ?? SAFE_PAGE), ...(brand ? { brand } : {}) };
  res.locals.pageContext = context;
  return context;
}

/** A phone's or tablet's browser (by its User-Agent). */
export const isMobile = (req: Request): boolean => /iPhone|iPad|Android|Mobile/i.test(req.get('user-agent') ?? '');

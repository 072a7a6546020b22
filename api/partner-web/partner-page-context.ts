// The page context of the partner pages. Same language rules as every renkei page (page-context.ts),
// but a page that showed the outcome of a one-time step (a form post, LINE's redirect with a
// single-use code and state) switches language on a partner page, never on the freee settings.
import type { Request, Response } from 'express';
import { otherLocale, type PageContext } from '../pages/locale';
import { pageContext } from '../web/page-context';

const ONE_TIME_PARAMS = ['code', 'state', 'error', 'ticket'];

/** The partner page a one-time page's language switch opens when none is given. */
export const PARTNER_SAFE_PAGE = '/partner/login';

export function partnerPageContext(req: Request, res: Response, safePage: string = PARTNER_SAFE_PAGE): PageContext {
  const ctx = pageContext(req, res);
  const url = new URL(req.originalUrl, 'http://renkei.invalid');
  const repeatable = (req.method === 'GET' || req.method === 'HEAD') && !ONE_TIME_PARAMS.some((p) => url.searchParams.has(p));
  if (repeatable) return ctx;
  const safe = new URL(safePage, 'http://renkei.invalid');
  safe.searchParams.set('lang', otherLocale(ctx.locale));
  const fixed: PageContext = { ...ctx, switchHref: `${safe.pathname}${safe.search}` };
  res.locals.pageContext = fixed;
  return fixed;
}

/** A partner page's own address as a post-login destination: only renkei's partner pages. */
export function partnerReturnTo(value: unknown, fallback = '/partner'): string {
  return typeof value === 'string' && /^\/partner(?:[/?][\w\-./?=&%:]*)?$/.test(value) && !value.includes('//') ? value : fallback;
}

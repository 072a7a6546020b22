// A page shown once — after a form post, or on a provider's redirect carrying a single-use code or
// state — cannot be asked for again, yet its language switch must keep it. Its content (a LinkView:
// the outcome and its ways forward) goes into a signed, day-long copy: `/link/page?copy=<copy>` shows
// it again in the language asked, and is itself repeatable. Signed so that nobody can make renkei
// show a page (or a button's destination) it did not show; it holds no secret and grants nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { linkViewSchema, type LinkView } from '../pages/link-views';
import type { PageContext } from '../pages/locale';
import { pageContext } from './page-context';

const COPY_TTL_MS = 24 * 3600_000;
export const PAGE_COPY_PATH = '/link/page';
const copyValue = /^[A-Za-z0-9_-]{1,6000}\.[A-Za-z0-9_-]{43}$/;

export class PageSnapshots {
  constructor(private readonly secret: string) {}

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`page-copy:${payload}`).digest('base64url');
  }

  /** The repeatable address of `view` (without the language). */
  path(view: LinkView): string {
    const payload = Buffer.from(JSON.stringify({ view, exp: Date.now() + COPY_TTL_MS })).toString('base64url');
    return `${PAGE_COPY_PATH}?copy=${payload}.${this.mac(payload)}`;
  }

  /** The view a copy holds, if renkei signed it and it has not expired. */
  read(value: unknown): LinkView | undefined {
    if (typeof value !== 'string' || !copyValue.test(value)) return undefined;
    const [payload = '', mac = ''] = value.split('.');
    if (!timingSafeEqual(Buffer.from(mac), Buffer.from(this.mac(payload)))) return undefined;
    try {
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { view?: unknown; exp?: unknown };
      if (typeof decoded.exp !== 'number' || decoded.exp <= Date.now()) return undefined;
      const parsed = linkViewSchema.safeParse(decoded.view);
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Makes the copies available to the pages of a request (error-pages.ts answers without the web context). */
  attach = (_req: Request, res: Response, next: () => void): void => {
    res.locals.pageSnapshots = this;
    next();
  };
}

/**
 * The page context of an outcome page: its language switch shows the same outcome again (a signed
 * copy) when the request itself cannot be repeated.
 */
export function outcomeContext(req: Request, res: Response, view: LinkView): PageContext {
  const copies = res.locals.pageSnapshots as PageSnapshots | undefined;
  return copies ? pageContext(req, res, copies.path(view)) : pageContext(req, res);
}

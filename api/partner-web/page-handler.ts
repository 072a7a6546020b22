// How the partner's order pages answer: HTML in the partner's language (a page shown after a form
// post switches language on the home page, the one page that can always be asked for again), a clear
// page for every problem (never the API's JSON, never a stack trace), and form bodies read with an
// HTML answer when they are too large or unreadable.
import type { Request, RequestHandler, Response } from 'express';
import { formBody as readFormBody } from '../edge/form-body';
import type { PageContext } from '../pages/locale';
import { pageContext } from '../web/page-context';
import { sendErrorPage, sendFailure, unreadableForm } from '../web/error-pages';

export function partnerPageContext(req: Request, res: Response): PageContext {
  return pageContext(req, res, '/partner');
}

export function sendPage(res: Response, status: number, page: string): void {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(page);
}

/** Runs a page handler; anything it did not answer becomes the outage or unexpected-error page. */
export function pageRoute(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res) =>
    handler(req, res).catch((err: unknown) => {
      if (res.headersSent) return;
      sendFailure(req, res, err, 'partner');
    });
}

/** A form body renkei cannot read (not a form, too large, another charset): the bad-input page. */
export function refusePartnerForm(req: Request, res: Response, status: number): void {
  sendErrorPage(req, res, unreadableForm('partner', status));
}

/** Reads an urlencoded form; a body that is too large or unreadable gets the bad-input page. */
export function formBody(): RequestHandler {
  return readFormBody({ limit: '32kb', parameterLimit: 500 }, refusePartnerForm);
}

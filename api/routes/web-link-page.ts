// `GET /link/page?copy=<signed copy>`: an outcome page of the freee × LINE WORKS flows shown again —
// what its language switch opens when the page came from a one-time step (api/web/page-snapshot.ts).
// The same outcome, the same ways forward, in the language asked; a copy renkei did not sign or
// that expired gets the EXPIRED page.
import { Router } from 'express';
import { renderLinkView } from '../pages/link-views';
import type { WebContext } from '../web/context';
import { sendErrorPage } from '../web/error-pages';
import { PAGE_COPY_PATH } from '../web/page-snapshot';
import { pageContext } from '../web/page-context';

export function linkPageRouter(web: WebContext): Router {
  const router = Router();
  router.get(PAGE_COPY_PATH, (req, res) => {
    const view = web.pages.read(req.query.copy);
    if (!view) {
      sendErrorPage(req, res, { page: 'link', code: 'STATE_EXPIRED' });
      return;
    }
    res.status(view.page === 'error' ? view.status : 200).type('html').send(renderLinkView(pageContext(req, res), view));
  });
  return router;
}

// `GET /assets/<name>.css`: the pages' stylesheets, from memory. The links carry the content's
// hash (`?v=`), so a year of caching never serves a stale stylesheet to a page that changed.
import { Router } from 'express';
import { PAGE_STYLESHEET } from '../pages/layout';
import { ASSETS_PATH, type Stylesheet } from '../pages/stylesheet';
import { FORM_STYLESHEET, PARTNER_STYLESHEET } from '../partner-web/pages/partner-layout';

const STYLESHEETS: ReadonlyMap<string, Stylesheet> = new Map([PAGE_STYLESHEET, PARTNER_STYLESHEET, FORM_STYLESHEET].map((s) => [s.name, s]));

export function pageAssetsRouter(): Router {
  const router = Router();
  router.get(`${ASSETS_PATH}/:name`, (req, res, next) => {
    const sheet = STYLESHEETS.get(req.params.name);
    if (!sheet) return next();
    res.set('Cache-Control', 'public, max-age=31536000, immutable');
    res.type('text/css; charset=utf-8').send(sheet.css);
  });
  return router;
}

// The Lansmart partner's phone pages as one router for the app: ユーザー登録 and ログイン with LINE
// (docs/flows/lansmart-line.md: the registration page, the login page and ログアウト, the LINE Login callback, and
// 基本情報登録), then the pages of each order step and the in-app notifications (home /partner and
// the notifications API, the purchase order, the work report and its 報告書 files, the invoice and
// the payment notice;
// each needs the partner session, else LINEでログイン, then back).
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { TokenCipher } from '../../security/token-cipher';
import { BrowserCsrf } from '../web/csrf';
import { useBrand } from '../web/page-context';
import { basicInfoRouter } from './basic-info-routes';
import { consentStepRouter } from './consent-step-routes';
import type { PartnerWebContext } from './context';
import { invoiceBasicInfoRoutes } from './invoice-basic-info-routes';
import { invoiceRoutes } from './invoice-routes';
import { lineCallbackRouter } from './line-callback-route';
import { loginRouter } from './login-routes';
import { notificationRoutes } from './notification-routes';
import { orderListRoutes } from './order-list-routes';
import { orderRoutes } from './order-routes';
import { paymentNoticeRoutes } from './payment-notice-routes';
import { registrationRouter } from './registration-routes';
import { reportFileRoutes } from './report-file-routes';
import { reportRoutes } from './report-routes';
import { usePlatformLogin } from '../web/error-pages';

export function partnerRouter(deps: ApiDeps, pw: PartnerWebContext): Router {
  const router = Router();
  const csrf = new BrowserCsrf(deps.config.SESSION_SECRET, { secure: pw.publicUrl.startsWith('https://') });
  // The partner's LINE tokens are sealed at rest, as every provider token is.
  const cipher = new TokenCipher(deps.config.TOKEN_ENCRYPTION_KEYS);
  // Partners are the platform's users: its name, not renkei's, on their pages.
  router.use(['/partner', '/auth/line'], (_req, res, next) => {
    useBrand(res, deps.config.LANSMART_BRAND);
    usePlatformLogin(res, deps.config.LANSMART_LOGIN_URL);
    next();
  });
  router.use(registrationRouter(pw, csrf));
  router.use(loginRouter(pw, csrf));
  router.use(lineCallbackRouter(pw, cipher));
  router.use(consentStepRouter(pw));
  router.use(basicInfoRouter(pw));
  router.use(notificationRoutes(pw));
  router.use(orderListRoutes(pw));
  router.use(orderRoutes(pw));
  router.use(reportRoutes(pw));
  router.use(reportFileRoutes(pw));
  router.use(invoiceRoutes(pw));
  router.use(invoiceBasicInfoRoutes(pw));
  router.use(paymentNoticeRoutes(pw));
  return router;
}

// The partner's ユーザー登録 and ログイン with LINE (docs/flows/lansmart-line.md), as one router for the app: the
// registration page, the login page and ログアウト, the LINE Login callback, and 基本情報登録.
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { TokenCipher } from '../../security/token-cipher';
import { basicInfoRouter } from './basic-info-routes';
import { BrowserCsrf } from './browser-csrf';
import type { PartnerWebContext } from './context';
import { lineCallbackRouter } from './line-callback-route';
import { loginRouter } from './login-routes';
import { registrationRouter } from './registration-routes';

export function partnerAuthRouter(deps: ApiDeps, pw: PartnerWebContext): Router {
  const router = Router();
  const csrf = new BrowserCsrf(deps.config.SESSION_SECRET, { secure: pw.publicUrl.startsWith('https://') });
  // The partner's LINE tokens are sealed at rest, as every provider token is.
  const cipher = new TokenCipher(deps.config.TOKEN_ENCRYPTION_KEYS);
  router.use(registrationRouter(pw, csrf));
  router.use(loginRouter(pw, csrf));
  router.use(lineCallbackRouter(pw, cipher));
  router.use(basicInfoRouter(pw));
  return router;
}

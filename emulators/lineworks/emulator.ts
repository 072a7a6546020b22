// The LINE WORKS emulator on one base URL: auth server under /oauth2/v2.0 (production:
// https://auth.worksmobile.com/oauth2/v2.0), the REST API under /v1.0 (production:
// https://www.worksapis.com/v1.0), attachment uploads under /storage, and the pages people use
// (login, consent, admin console, talk rooms) under /login, /admin and /talk.

import { Router } from 'express';
import { defineEmulator, type EmulatorDefinition } from '../harness/definition';
import { createAdminRouter } from './admin-route';
import { createAttachmentRouter, createUploadRouter, UPLOAD_PATH } from './attachment-route';
import { createAuthorizeRouter } from './authorize-route';
import { createLineWorksControlRouter } from './control';
import { lineWorksErrorBody } from './errors';
import { createLoginRouter } from './login-route';
import { createMessagesRouter } from './messages-route';
import { createOidcRouter, LINEWORKS_ISSUER_PATH } from './oidc-route';
import { createRichMenuRouter } from './richmenu-route';
import { LineWorksState } from './state';
import { createTalkRouter } from './talk-route';
import { createTokenRouter } from './token-route';
import { createUsersRouter } from './users-route';

export const LINEWORKS_AUTH_PATH = LINEWORKS_ISSUER_PATH;
export const LINEWORKS_API_PATH = '/v1.0';

export function createLineWorksEmulator(state: LineWorksState = new LineWorksState()): EmulatorDefinition {
  const routes = Router();
  routes.use(LINEWORKS_AUTH_PATH, createTokenRouter(state), createAuthorizeRouter(state), createOidcRouter(state));
  routes.use(LINEWORKS_API_PATH, createMessagesRouter(state), createUsersRouter(state), createRichMenuRouter(state), createAttachmentRouter(state));
  routes.use(UPLOAD_PATH, createUploadRouter(state));
  routes.use('/admin', createAdminRouter(state));
  routes.use(createLoginRouter(state), createTalkRouter(state));
  return defineEmulator({ name: 'lineworks', routes, control: createLineWorksControlRouter(state), state, errorBody: lineWorksErrorBody });
}

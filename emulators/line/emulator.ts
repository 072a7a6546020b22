// The LINE emulator on one base URL, playing three production hosts: access.line.me (LINE Login
// discovery, authorize, consent, add-friend and login pages), api.line.me (LINE Login token, verify,
// certs, userinfo, profile, revoke, friendship, deauthorize; the Messaging API) and api-data.line.me
// (rich-menu images). Also the LINE user's phone: the Official Account chat (/chat) and the
// settings down to 連動アプリ (/settings). Webhooks go out to the seeded URL.

import { Router } from 'express';
import { defineEmulator, type EmulatorDefinition } from '../harness/definition';
import { createAuthorizeRouter } from './authorize-route';
import { createBotProfileRouter } from './bot-profile-route';
import { createChatRouter } from './chat-route';
import { createLineControlRouter } from './control';
import { lineErrorBody } from './errors';
import { createFriendshipRouter } from './friendship-route';
import { createLoginApiRouter } from './login-api-route';
import { createLoginRouter } from './login-route';
import { createOidcRouter } from './oidc-route';
import { createPushRouter } from './push-route';
import { lineRequestId } from './request-id';
import { createRichMenuRouter } from './richmenu-route';
import { createSettingsRouter } from './settings-route';
import { LineState } from './state';
import { createTokenRouter } from './token-route';

/** Path prefixes of LINE's APIs (as opposed to pages); their answers carry X-Line-Request-Id. */
export const LINE_API_PREFIXES = ['/v2', '/oauth2/v2.1/token', '/oauth2/v2.1/verify', '/oauth2/v2.1/certs', '/oauth2/v2.1/userinfo', '/oauth2/v2.1/revoke', '/oauth2/v3', '/friendship', '/user'];

export function createLineEmulator(state: LineState = new LineState()): EmulatorDefinition {
  const routes = Router();
  routes.use(LINE_API_PREFIXES, lineRequestId);
  routes.use(
    createOidcRouter(),
    createAuthorizeRouter(state),
    createTokenRouter(state),
    createLoginApiRouter(state),
    createFriendshipRouter(state),
    createPushRouter(state),
    createBotProfileRouter(state),
    createRichMenuRouter(state),
    createLoginRouter(state),
    createChatRouter(state),
    createSettingsRouter(state),
  );
  return defineEmulator({ name: 'line', routes, control: createLineControlRouter(state), state, errorBody: lineErrorBody });
}

export { LineState } from './state';

// The LINE WORKS emulator on one base URL: auth server under /oauth2/v2.0 (production:
// https://auth.worksmobile.com/oauth2/v2.0) and the REST API under /v1.0 (production:
// https://www.worksapis.com/v1.0).

import { Router } from 'express';
import type { EmulatorDefinition } from '../harness/definition';
import { createLineWorksControlRouter } from './control';
import { lineWorksErrorBody } from './errors';
import { createMessagesRouter } from './messages-route';
import { LineWorksState } from './state';
import { createTokenRouter } from './token-route';

export const LINEWORKS_AUTH_PATH = '/oauth2/v2.0';
export const LINEWORKS_API_PATH = '/v1.0';

export function createLineWorksEmulator(state: LineWorksState = new LineWorksState()): EmulatorDefinition {
  const routes = Router();
  routes.use(LINEWORKS_AUTH_PATH, createTokenRouter(state));
  routes.use(LINEWORKS_API_PATH, createMessagesRouter(state));
  return {
    name: 'lineworks',
    routes,
    control: createLineWorksControlRouter(state),
    reset: () => state.reset(),
    faultBody: (status) => lineWorksErrorBody(status),
    errorBody: (status, description) => lineWorksErrorBody(status, description),
  };
}

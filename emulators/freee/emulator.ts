// The freee emulator on one base URL: the accounts server (production:
// https://accounts.secure.freee.co.jp) — /login, the 事業所 switch, /public_api/authorize, token
// and revoke — and the accounting API (production: https://api.freee.co.jp) under /api/1. It also
// sends accounting webhooks and product events (control routes).

import { Router } from 'express';
import { defineEmulator, type EmulatorDefinition } from '../harness/definition';
import { createFreeeApiRouter } from './api-route';
import { createFreeeAuthorizeRouter } from './authorize-route';
import { createFreeeControlRouter } from './control';
import { freeeErrorBody } from './errors';
import { createFreeeLoginRouter } from './login-route';
import { FreeeState } from './state';
import { createFreeeTokenRouter } from './token-route';

export function createFreeeEmulator(state: FreeeState = new FreeeState()): EmulatorDefinition {
  const routes = Router();
  routes.use(createFreeeLoginRouter(state), createFreeeAuthorizeRouter(state), createFreeeTokenRouter(state), createFreeeApiRouter(state));
  return defineEmulator({ name: 'freee', routes, control: createFreeeControlRouter(state), state, errorBody: freeeErrorBody });
}

// The freee emulator. For now it only sends accounting webhooks (control routes); freee's own
// API routes (OAuth, users/me, ...) mount on `routes` as they are added.

import { Router } from 'express';
import type { EmulatorDefinition } from '../harness/definition';
import { createFreeeControlRouter } from './control';
import { freeeErrorBody } from './errors';
import { FreeeState } from './state';

export function createFreeeEmulator(state: FreeeState = new FreeeState()): EmulatorDefinition {
  return {
    name: 'freee',
    routes: Router(),
    control: createFreeeControlRouter(state),
    reset: () => state.reset(),
    faultBody: (status) => freeeErrorBody(status),
    errorBody: (status, description) => freeeErrorBody(status, description),
  };
}

// The Lansmart platform emulator [emulator contract: the platform's API is private]: the platform
// API renkei calls (`/api/v1`, Bearer API key, with the partners' 報告書 files), the signed events it sends to renkei, the company
// console page people click through (`/company/orders`), and control routes that play the company.

import { Router } from 'express';
import { defineEmulator, type EmulatorDefinition } from '../harness/definition';
import { requireApiKey } from './api-auth';
import { createConsoleRouter } from './console-route';
import { createLansmartControlRouter } from './control';
import { createDirectoryRouter } from './directory-route';
import { lansmartErrorBody } from './errors';
import { createOrderRouter } from './order-route';
import { createReportFileRouter } from './report-file-route';
import { LansmartState } from './state';

export function createLansmartEmulator(state: LansmartState = new LansmartState()): EmulatorDefinition {
  const api = Router();
  api.use(requireApiKey(state), createDirectoryRouter(state), createOrderRouter(state), createReportFileRouter(state));
  const routes = Router();
  routes.use('/api/v1', api);
  routes.use(createConsoleRouter(state));
  return defineEmulator({ name: 'lansmart', routes, control: createLansmartControlRouter(state), state, errorBody: lansmartErrorBody });
}

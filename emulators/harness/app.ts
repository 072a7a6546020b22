// Assembles one emulator's Express app: recording, body parsing, shared and provider control
// routes, fault injection, the provider routes, and error answers in the provider's shape.

import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { createControlRouter } from './control-router';
import type { EmulatorDefinition } from './definition';
import { FaultInjector } from './faults';
import { HttpError } from './http-error';
import { CONTROL_PREFIX, RequestRecorder } from './recorder';

export interface EmulatorApp {
  app: Express;
  recorder: RequestRecorder;
  faults: FaultInjector;
}

function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    return error.status >= 400 && error.status < 600 ? error.status : 500;
  }
  return 500;
}

export function createEmulatorApp(definition: EmulatorDefinition, logger: Logger): EmulatorApp {
  const recorder = new RequestRecorder();
  const faults = new FaultInjector();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(recorder.middleware(logger));
  app.use(express.json({ limit: '2mb' }));
  app.use(express.urlencoded({ extended: false }));
  app.use(CONTROL_PREFIX, createControlRouter({ recorder, faults, reset: () => definition.reset() }));
  app.use(CONTROL_PREFIX, definition.control);
  app.use(faults.middleware(recorder, definition.faultBody));
  app.use(definition.routes);

  app.use((req: Request, res: Response) => {
    res.status(404).json(definition.errorBody(404, `no route for ${req.method} ${req.path}`));
  });

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error instanceof HttpError) {
      res.set(error.headers).status(error.status);
      if (error.body === undefined) res.end();
      else res.json(error.body);
      return;
    }
    const status = statusOf(error);
    if (status >= 500) logger.error({ err: error, method: req.method, path: req.path }, `${definition.name}: unexpected failure`);
    const description = status >= 500 ? 'internal error' : error instanceof Error ? error.message : 'bad request';
    res.status(status).json(definition.errorBody(status, description));
  });

  return { app, recorder, faults };
}

// The control routes every emulator shares, under /_emulator: reset, recorded requests, faults.

import { Router } from 'express';
import { z } from 'zod';
import { faultSpecSchema } from './fault-spec';
import type { FaultInjector } from './faults';
import type { RequestRecorder } from './recorder';
import { optionalQueryParam, parseControlInput } from './validate';

const requestFilterSchema = z.object({
  method: optionalQueryParam(),
  path: optionalQueryParam((path) => path.startsWith('/'), 'path must start with /'),
  afterSeq: optionalQueryParam((seq) => /^\d{1,15}$/.test(seq), 'afterSeq must be a whole number').transform((seq) => (seq === undefined ? undefined : Number(seq))),
});

export function createControlRouter(deps: { recorder: RequestRecorder; faults: FaultInjector; reset(): void }): Router {
  const router = Router();

  router.post('/reset', (_req, res) => {
    deps.recorder.clear();
    deps.faults.clear();
    deps.reset();
    res.json({ ok: true });
  });

  router.get('/requests', (req, res) => {
    res.json(deps.recorder.list(parseControlInput(requestFilterSchema, req.query)));
  });

  router.get('/faults', (_req, res) => {
    res.json(deps.faults.list());
  });

  router.post('/faults', (req, res) => {
    res.status(201).json(deps.faults.add(parseControlInput(faultSpecSchema, req.body)));
  });

  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.json({ ok: true });
  });

  return router;
}

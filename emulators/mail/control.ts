// Mail sink control routes (under /_emulator): the messages received (`?to=` recipient,
// `?subject=` part of the subject; oldest first), one message, emptying the mailbox, and SMTP faults.

import { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '../harness/http-error';
import { optionalQueryParam, parseControlInput } from '../harness/validate';
import { smtpFaultSpecSchema } from './smtp-faults';
import type { MailSinkState } from './state';

const messageFilterSchema = z.object({ to: optionalQueryParam(), subject: optionalQueryParam() });

export function createMailControlRouter(state: MailSinkState): Router {
  const router = Router();

  router.get('/messages', (req, res) => {
    const filter = parseControlInput(messageFilterSchema, req.query);
    res.json(
      state.messages.list({
        ...(filter.to === undefined ? {} : { to: filter.to }),
        ...(filter.subject === undefined ? {} : { subject: filter.subject }),
      }),
    );
  });

  router.get('/messages/:id', (req, res) => {
    const message = state.messages.get(String(req.params.id));
    if (message === undefined) throw new HttpError(404, { error: { code: 'NOT_FOUND', message: 'no such message' } });
    res.json(message);
  });

  router.delete('/messages', (_req, res) => {
    state.messages.clear();
    res.json({ ok: true });
  });

  router.post('/smtp-faults', (req, res) => {
    res.status(201).json(state.smtpFaults.add(parseControlInput(smtpFaultSpecSchema, req.body)));
  });

  router.get('/smtp-faults', (_req, res) => {
    res.json(state.smtpFaults.list());
  });

  router.delete('/smtp-faults', (_req, res) => {
    state.smtpFaults.clear();
    res.json({ ok: true });
  });

  return router;
}

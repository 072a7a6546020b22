// The mailbox in a browser: `GET /inbox` (newest first, `?to=` one recipient) and `GET /inbox/:id`.
// `/` leads to the inbox.

import { Router } from 'express';
import { z } from 'zod';
import { formValue } from '../harness/validate';
import { sendInboxPage } from './pages/inbox';
import { sendMailMessagePage } from './pages/layout';
import { sendMessagePage } from './pages/message';
import type { MailSinkState } from './state';

const inboxQuerySchema = z.object({ to: formValue() });

export function createInboxRouter(state: MailSinkState): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.redirect(303, '/inbox');
  });

  router.get('/inbox', (req, res) => {
    const to = inboxQuerySchema.safeParse(req.query).data?.to;
    sendInboxPage(res, { messages: state.messages.list(to === undefined ? {} : { to }), ...(to === undefined ? {} : { to }) });
  });

  router.get('/inbox/:id', (req, res) => {
    const message = state.messages.get(String(req.params.id));
    if (message === undefined) {
      sendMailMessagePage(res, 404, 'メールが見つかりません', 'このメールは削除されたか、存在しません。', [{ href: '/inbox', label: '受信箱へ' }]);
      return;
    }
    sendMessagePage(res, message);
  });

  return router;
}

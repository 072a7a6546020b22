// LINE WORKS control routes (under /_emulator): seeding, delivered messages, and revoking or
// restoring a tenant's authorisation (the admin removing the app), plus expiring its tokens.

import { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '../harness/http-error';
import { optionalQueryParam, parseControlInput } from '../harness/validate';
import { lineWorksSeedSchema } from './seed-schema';
import type { LineWorksState } from './state';

const messageFilterSchema = z.object({
  tenantId: optionalQueryParam(),
  botId: optionalQueryParam(),
  userId: optionalQueryParam(),
});

export function createLineWorksControlRouter(state: LineWorksState): Router {
  const router = Router();

  router.post('/seed', async (req, res) => {
    await state.seed(parseControlInput(lineWorksSeedSchema, req.body));
    res.json({ ok: true, apps: [...state.apps.keys()], tenants: [...state.tenants.keys()] });
  });

  router.get('/messages', (req, res) => {
    res.json(state.listMessages(parseControlInput(messageFilterSchema, req.query)));
  });

  const tenantAction = (path: string, action: (tenantId: string) => void): void => {
    router.post(`/tenants/:tenantId/${path}`, (req, res) => {
      const { tenantId } = req.params;
      if (!state.tenants.has(tenantId)) throw new HttpError(404, { error: 'UNKNOWN_TENANT', message: `tenant ${tenantId} is not seeded` });
      action(tenantId);
      res.json({ ok: true, tenantId, revoked: state.revokedTenants.has(tenantId) });
    });
  };
  tenantAction('revoke', (tenantId) => state.revoke(tenantId));
  tenantAction('restore', (tenantId) => state.restore(tenantId));
  tenantAction('expire-tokens', (tenantId) => state.tokens.expireTenantAccess(tenantId));

  return router;
}

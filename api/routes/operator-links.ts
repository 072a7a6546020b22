// Operator endpoints for freee × LINE WORKS links (docs/design.md §3): a tenant's link with its employee
// links (paged, from the read model), its cascade reports, and the admin unlink that removes the
// tenant link and revokes every employee link through the cascade.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { cascadeUnlinkWorkflowId, tenantLinkWorkflowId } from '../../common/ids';
import { tenantLinkStatusQuery } from '../../common/links/messages';
import { CascadeReportRecord, EmployeeLink, TenantLink } from '../../models';
import { HttpError } from '../errors';
import { operatorAuth } from '../middleware/operator-auth';
import { linkCommands } from '../temporal/link-commands';
import type { ApiDeps } from '../deps';

export const tenantId = z.string().regex(/^[A-Za-z0-9._@-]{1,128}$/);
export const linksPageQuery = z.object({
  after: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function parseTenant(raw: unknown): string {
  const r = tenantId.safeParse(raw);
  if (!r.success) throw new HttpError(400, 'invalid_tenant_id', 'The LINE WORKS tenant ID is malformed.');
  return r.data;
}

export function operatorLinksRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use('/api/tenants', operatorAuth(deps.config.OPERATOR_API_TOKEN));

  router.get('/api/tenants/:worksTenantId/links', async (req, res) => {
    const worksTenantId = parseTenant(req.params.worksTenantId);
    const q = linksPageQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'invalid_query', 'after must be a link ID and limit 1–500.');
    const tenant = await TenantLink.findById(worksTenantId).lean();
    if (!tenant) throw new HttpError(404, 'not_found', `LINE WORKS tenant ${worksTenantId} has never been linked.`);
    const links = await EmployeeLink.find({ worksTenantId, ...(q.data.after ? { _id: { $gt: q.data.after } } : {}) })
      .sort({ _id: 1 })
      .limit(q.data.limit)
      .lean();
    res.json({
      tenant: { worksTenantId, companyId: tenant.companyId, botId: tenant.botId, status: tenant.status, linkedAt: tenant.linkedAt, removedAt: tenant.removedAt },
      links: links.map((l) => ({ id: l._id, companyId: l.companyId, freeeUserId: l.freeeUserId, worksUserId: l.worksUserId, linkedAt: l.linkedAt })),
      next: links.length === q.data.limit ? links[links.length - 1]?._id : null,
    });
  });

  router.get('/api/tenants/:worksTenantId/cascades', async (req, res) => {
    const worksTenantId = parseTenant(req.params.worksTenantId);
    const reports = await CascadeReportRecord.find({ worksTenantId }).sort({ finishedAt: -1 }).limit(50).lean();
    res.json({
      cascades: reports.map((r) => ({ id: r._id, companyId: r.companyId, revoked: r.revoked, alreadyGone: r.alreadyGone, failed: r.failed, finishedAt: r.finishedAt })),
    });
  });

  router.get('/api/tenants/:worksTenantId', async (req, res) => {
    const worksTenantId = parseTenant(req.params.worksTenantId);
    try {
      const state = await deps.temporal.workflow.getHandle(tenantLinkWorkflowId(worksTenantId)).query(tenantLinkStatusQuery);
      res.json(state);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new HttpError(404, 'not_found', `No link workflow for LINE WORKS tenant ${worksTenantId}.`);
      throw err;
    }
  });

  router.post('/api/tenants/:worksTenantId/unlink', async (req, res) => {
    const worksTenantId = parseTenant(req.params.worksTenantId);
    const tenant = await TenantLink.findById(worksTenantId, { status: 1 }).lean();
    if (tenant?.status !== 'active') throw new HttpError(409, 'not_linked', `LINE WORKS tenant ${worksTenantId} has no active link.`);
    const requestId = randomUUID();
    try {
      await linkCommands(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE).removeApp(worksTenantId, { deliveryId: requestId, requestId, reason: 'admin_request' });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new HttpError(409, 'not_linked', `LINE WORKS tenant ${worksTenantId} has no running link.`);
      throw err;
    }
    deps.metrics.workflowSignals.inc({ workflow: 'tenantLinkWorkflow', signal: 'app-removed', outcome: 'sent' });
    res.status(202).json({ status: 'unlinking', cascadeWorkflowId: cascadeUnlinkWorkflowId(worksTenantId, requestId), requestId: req.id });
  });
  return router;
}

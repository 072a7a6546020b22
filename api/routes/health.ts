// Operator endpoints: /healthz (the process answers), /readyz (Temporal and Mongo reachable),
// /metrics (Prometheus, behind METRICS_TOKEN).
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { metricsAuth } from '../middleware/metrics-auth';

export function healthRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const r = await deps.readiness();
    const ready = r.temporal && r.mongo;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', temporal: r.temporal ? 'up' : 'down', mongo: r.mongo ? 'up' : 'down' });
  });
  router.get('/metrics', metricsAuth(deps.config.METRICS_TOKEN), async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}

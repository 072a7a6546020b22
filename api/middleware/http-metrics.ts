// Observes every request's latency into the Prometheus histogram, labelled by route pattern
// (not raw path, so IDs do not explode the label set).
import type { RequestHandler } from 'express';
import type { ApiMetrics } from '../../observability/api-metrics';

export function httpMetrics(metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      end({ method: req.method, route: route ? `${req.baseUrl}${route}` : 'unmatched', status: String(res.statusCode) });
    });
    next();
  };
}

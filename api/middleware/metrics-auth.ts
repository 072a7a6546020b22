// /metrics answers only to `Authorization: Bearer <METRICS_TOKEN>` (constant-time compare): what
// the API counts (routes, outcomes, volumes) is for the operators' Prometheus, not the public.
// While the token is not configured the endpoint is switched off (503), never open.
import type { RequestHandler } from 'express';
import { secretEquals } from '../constant-time';
import { HttpError } from '../errors';

export function metricsAuth(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!token) return next(new HttpError(503, 'metrics_disabled', 'Metrics are switched off: set METRICS_TOKEN.'));
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (!secretEquals(given, token)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      return next(new HttpError(401, 'unauthorized', 'A valid metrics token is required (Authorization: Bearer …).'));
    }
    next();
  };
}

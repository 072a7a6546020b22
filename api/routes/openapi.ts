// GET /openapi.json: the OpenAPI 3.1 description of every endpoint (built once per process).
import { Router } from 'express';
import { openApiDocument } from '../openapi/document';
import type { ApiDeps } from '../deps';

export function openApiRouter(deps: ApiDeps): Router {
  const router = Router();
  const c = deps.config;
  const document = openApiDocument((c.API_PUBLIC_URL ?? `http://${c.API_HOST}:${c.API_PORT}`).replace(/\/+$/, ''));
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}

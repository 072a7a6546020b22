// The OpenAPI document served at /openapi.json is valid OpenAPI 3.1, describes every route the
// app mounts, and describes nothing the app does not mount.
import { strict as assert } from 'node:assert';
import type { AddressInfo } from 'node:net';
import { validate } from '@readme/openapi-parser';
import { Client } from '@temporalio/client';
import { createApp } from '../../api/app';
import { mountedRoutes } from '../../api/openapi/mounted-routes';
import { loadApiConfig } from '../../config';
import { validApiEnv } from '../support/valid-env';
import { createApiMetrics } from '../../observability/api-metrics';
import { createLogger } from '../../observability/logger';

const env = { ...validApiEnv, API_PUBLIC_URL: 'https://renkei.example' };

describe('the OpenAPI document', () => {
  // The app as the API process builds it (the Temporal client connects lazily: nothing is called).
  const app = createApp({
    config: loadApiConfig(env),
    temporal: new Client(),
    metrics: createApiMetrics(),
    log: createLogger('renkei-openapi-test', 'silent'),
    readiness: () => Promise.resolve({ temporal: true, mongo: true }),
  });
  let served: Record<string, unknown>;

  before(async () => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.json`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      served = (await res.json()) as Record<string, unknown>;
    } finally {
      server.close();
    }
  });

  it('is valid OpenAPI 3.1', async () => {
    assert.equal(served.openapi, '3.1.0');
    const result = await validate(structuredClone(served) as never);
    assert.ok(result.valid, result.valid ? '' : JSON.stringify(result.errors, null, 2));
  });

  it('describes every route the app mounts, and only those', () => {
    const described = Object.entries(served.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).sort();
    const mounted = mountedRoutes(app);
    assert.ok(mounted.length > 40, `only ${mounted.length} routes found in the app`);
    assert.deepEqual(mounted.filter((r) => !described.includes(r)), [], 'mounted but not described');
    assert.deepEqual(described.filter((r) => !mounted.includes(r)), [], 'described but not mounted');
  });

  it('describes each webhook’s body and signature, and each page’s 4xx as HTML', () => {
    const paths = served.paths as Record<string, Record<string, { security?: unknown[]; requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }>>;
    for (const [path, scheme] of [['/webhooks/line', 'lineSignature'], ['/webhooks/lineworks/bot', 'worksSignature'], ['/webhooks/freee', 'freeeToken'], ['/events/lansmart', 'renkeiSignature']] as const) {
      const op = paths[path]?.post;
      assert.ok(op?.requestBody, `${path} has a body`);
      assert.deepEqual(op.security, [{ [scheme]: [] }], path);
      assert.ok(op.responses['400']?.content?.['application/json'], `${path}: 400 is JSON`);
    }
    assert.ok(paths['/link/consent']?.post?.responses['415']?.content?.['text/html'], 'a page answers HTML');
  });
});

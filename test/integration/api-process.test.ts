// The API as a standalone process: health, readiness of Temporal and Mongo, Prometheus metrics of
// what it did, a clear message (not a stack trace) for a taken port, and a clean exit on SIGTERM.
import { strict as assert } from 'node:assert';
import net from 'node:net';
import { freePort } from '../../scripts/services/ports';
import { runEntry } from '../support/process';
import { stack, uniqueTaskQueue } from '../support/stack';
import { eventually } from '../support/wait';

describe('API process', function () {
  this.timeout(60_000);

  it('answers /healthz, /readyz and /metrics (to the metrics token only), and exits 0 on SIGTERM', async () => {
    const s = stack();
    const port = await freePort();
    const api = runEntry('api/main.ts', { ...s.envFor(uniqueTaskQueue('api')), API_PORT: String(port), LOG_LEVEL: 'warn' });
    const base = `http://127.0.0.1:${port}`;
    try {
      await eventually(
        () => fetch(`${base}/healthz`).then((r) => r.status, () => 0),
        (status) => status === 200,
        'the API to listen',
        30_000,
      );
      const ready = await fetch(`${base}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready', temporal: 'up', mongo: 'up' });

      const refused = await fetch(`${base}/webhooks/freee`, { method: 'POST', body: '{}', headers: { 'x-freee-token': 'wrong' } });
      assert.equal(refused.status, 401);
      assert.ok(refused.headers.get('x-request-id'), 'every answer carries its request ID');
      assert.equal((await fetch(`${base}/metrics`)).status, 401, '/metrics without the token is refused');
      assert.equal((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token-at-all' } })).status, 401);
      const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${s.secrets.metricsToken}` } })).text();
      assert.match(metrics, /renkei_webhooks_total\{source="freee",outcome="rejected"\} 1/);
      assert.match(metrics, /renkei_http_request_duration_seconds_count\{method="POST",route="\/webhooks\/freee",status="401"\} 1/);

      api.child.kill('SIGTERM');
      assert.equal(await api.exited, 0, api.output());
    } finally {
      api.kill();
    }
  });

  it('says which port is taken and which variable moves it, without a stack trace', async () => {
    const s = stack();
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const api = runEntry('api/main.ts', { ...s.envFor(uniqueTaskQueue('api')), API_PORT: String(port) });
      assert.equal(await api.exited, 1);
      assert.match(api.output(), new RegExp(`renkei api: port ${port} \\(renkei API\\) is already in use; stop what uses it or set API_PORT=<another port>`));
      assert.doesNotMatch(api.output(), /\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('names every bad configuration value at start and exits 1', async () => {
    const api = runEntry('api/main.ts', { API_PORT: 'eighty', MONGODB_URI: 'http://nope', FREEE_WEBHOOK_TOKEN: '' });
    assert.equal(await api.exited, 1);
    const out = api.output();
    assert.match(out, /API_PORT/);
    assert.match(out, /MONGODB_URI/);
    assert.match(out, /FREEE_WEBHOOK_TOKEN/);
  });
});

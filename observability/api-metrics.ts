// Prometheus metrics of the API process: HTTP latency histograms and the workflow starts and
// signals it causes. The worker's metrics come from the Temporal SDK's own exporter instead.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  workflowStarts: Counter<'workflow' | 'outcome'>;
  workflowSignals: Counter<'workflow' | 'signal' | 'outcome'>;
  webhooks: Counter<'source' | 'outcome'>;
}

export function createApiMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'renkei_http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    workflowStarts: new Counter({
      name: 'renkei_workflow_starts_total',
      help: 'Workflow starts requested by the API (outcome: started | already_started | failed)',
      labelNames: ['workflow', 'outcome'],
      registers: [registry],
    }),
    workflowSignals: new Counter({
      name: 'renkei_workflow_signals_total',
      help: 'Workflow signals and updates sent by the API',
      labelNames: ['workflow', 'signal', 'outcome'],
      registers: [registry],
    }),
    webhooks: new Counter({
      name: 'renkei_webhooks_total',
      help: 'Inbound webhooks by source and outcome (accepted | duplicate | rejected)',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    }),
  };
}

// The Express app: request IDs and JSON logs, latency metrics, security headers, the routes, and one
// error handler.
// Built by a factory so the API process and the tests serve exactly the same app.
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { ApiDeps } from './deps';
import { errorHandler, HttpError, sendError } from './errors';
import { httpMetrics } from './middleware/http-metrics';
import { securityHeaders } from './middleware/security-headers';
import { requestIdOf } from './middleware/request-id';
import { freeeProductEventsRouter } from './routes/freee-product-events';
import { freeeWebhookRouter } from './routes/freee-webhook';
import { healthRouter } from './routes/health';
import { pageAssetsRouter } from './routes/page-assets';
import { lansmartEventsRouter } from './routes/lansmart-events';
import { lineWebhookRouter } from './routes/line-webhook';
import { notificationsRouter } from './routes/notifications';
import { openApiRouter } from './routes/openapi';
import { operatorExplainRouter } from './routes/operator-explain';
import { operatorLinksRouter } from './routes/operator-links';
import { adminLinkRouter } from './routes/web-admin-link';
import { employeeLinkRouter } from './routes/web-employee-link';
import { linkPageRouter } from './routes/web-link-page';
import { freeeAuthRouter } from './routes/web-freee-auth';
import { lineWorksCallbacksRouter } from './routes/lineworks-callbacks';
import { orderCommands } from './temporal/order-commands';
import { partnerCommands } from './temporal/partner-commands';
import { LineMessagingClient } from '../providers/line/messaging-client';
import { httpLogSerializers } from '../observability/http-log';
import { webContext } from './web/context';
import { partnerWebContext } from './partner-web/context';
import { partnerRouter } from './partner-web/router';

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
      // OAuth codes, states, tokens and tickets never reach a log line (URL, query, Referer, Location).
      serializers: httpLogSerializers,
    }),
  );
  app.use(httpMetrics(deps.metrics));
  const c = deps.config;
  app.use(
    securityHeaders({
      publicUrl: c.API_PUBLIC_URL ?? `http://${c.API_HOST}:${c.API_PORT}`,
      formTargets: [c.FREEE_ACCOUNTS_BASE_URL, c.LINEWORKS_AUTH_BASE_URL, c.LINEWORKS_ADMIN_BASE_URL, c.LINE_AUTH_BASE_URL],
    }),
  );
  app.use(healthRouter(deps));
  app.use(openApiRouter(deps));
  app.use(pageAssetsRouter());
  app.use(freeeWebhookRouter(deps));
  app.use(freeeProductEventsRouter(deps));
  const orders = orderCommands(deps.temporal, deps.metrics, deps.config.TEMPORAL_TASK_QUEUE, deps.config.ORDER_STEP_TIMEOUT_MS);
  app.use(lansmartEventsRouter(deps, orders));
  const partners = partnerCommands(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE);
  const lineMessaging = new LineMessagingClient({
    apiBaseUrl: deps.config.LINE_API_BASE_URL,
    channelAccessToken: deps.config.LINE_CHANNEL_ACCESS_TOKEN,
    timeoutMs: deps.config.LINE_HTTP_TIMEOUT_MS,
  });
  const web = webContext(deps);
  app.use(web.pages.attach);
  app.use(linkPageRouter(web));
  const partnerWeb = partnerWebContext(deps, web, { partners, orders });
  app.use(lineWebhookRouter(deps, { temporal: deps.temporal, partners, messaging: lineMessaging, platform: partnerWeb.platform, url: (path) => partnerWeb.url(path), log: deps.log }));
  app.use(operatorLinksRouter(deps));
  app.use(operatorExplainRouter(deps));
  app.use(notificationsRouter(deps, web));
  app.use(lineWorksCallbacksRouter(deps, web));
  app.use(freeeAuthRouter(web));
  app.use(adminLinkRouter(deps, web));
  app.use(employeeLinkRouter(deps, web));
  // Lansmart partner pages (LINE Login, the order steps, in-app notifications).
  app.use(partnerRouter(deps, partnerWeb));
  app.use((req, res) => sendError(req, res, new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}.`)));
  app.use(errorHandler);
  return app;
}

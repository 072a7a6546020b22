// LINE WORKS → renkei: the bot's callbacks (X-WORKS-Signature with the Bot Secret) and the app
// lifecycle event (X-WORKS-Signature with the Client Secret), both checked on the raw body.
// [ID連携]/[ID連携解除] answer with a single-use link into the consent pages; an app removal
// signals the tenant link, which runs the cascade — once per event, and only for the installation it
// names (api/lineworks/app-removal-event.ts); everything else is acknowledged fast.
import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import { WorkflowNotFoundError } from '@temporalio/client';
import { HttpError } from '../errors';
import { countingRejections, parseRawBody, parseRawJson, rawBodyOf } from '../raw-json';
import { richMenuSwitchWorkflowId } from '../../common/ids';
import { POSTBACK } from '../../common/links/postbacks';
import { richMenuStartMetadata } from '../../common/links/richmenu-start';
import { TenantLink } from '../../models';
import type { richMenuSwitchWorkflow } from '../../workflows/richmenu-switch';
import { startOnce } from '../temporal/start-once';
import { decideAppRemoval } from '../lineworks/app-removal-event';
import { appLifecycleSchema, appUninstalledSchema, BOT_USER_CALLBACK_TYPES, botRoomCallbackSchema, botUserCallbackSchema } from '../schemas/lineworks-callbacks';
import { worksSignatureValid } from '../signatures';
import type { ApiDeps } from '../deps';
import type { WebContext } from '../web/context';

export function lineWorksCallbacksRouter(deps: ApiDeps, web: WebContext): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: deps.config.API_BODY_LIMIT });
  const count = (source: string, outcome: string): void => deps.metrics.webhooks.inc({ source, outcome });

  router.post('/webhooks/lineworks/bot', raw, async (req, res) => {
    if (!worksSignatureValid(rawBodyOf(req.body), req.get('x-works-signature'), deps.config.LINEWORKS_BOT_SECRET)) {
      count('lineworks-bot', 'rejected');
      throw new HttpError(401, 'invalid_signature', 'X-WORKS-Signature is missing or does not match the body.');
    }
    const body = parseRawJson(req.body);
    if (botRoomCallbackSchema.safeParse(body).success) {
      // Room membership (join, joined, leave, left): well-formed, and nothing for renkei to do.
      count('lineworks-bot', 'ignored');
      res.status(200).json({});
      return;
    }
    const parsed = botUserCallbackSchema.safeParse(body);
    if (!parsed.success) {
      // Acknowledged either way (LINE WORKS never resends); a malformed event of a type renkei
      // acts on is counted invalid, an event type renkei does not use is ignored.
      const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
      count('lineworks-bot', typeof type === 'string' && BOT_USER_CALLBACK_TYPES.includes(type) ? 'invalid' : 'ignored');
      res.status(200).json({});
      return;
    }
    const event = parsed.data;
    count('lineworks-bot', 'accepted');
    const data = event.type === 'postback' ? event.data : event.type === 'message' ? (event.content.postback ?? '') : '';
    if (data === POSTBACK.link || data === POSTBACK.unlink) {
      const ticket = await web.states.issueTicket('lineworks_user', {
        action: data === POSTBACK.link ? 'link' : 'unlink',
        worksTenantId: event.source.domainId,
        worksUserId: event.source.userId,
        botId: req.get('x-works-botid') ?? '',
      });
      res.json({ openUrl: web.url(`/link/start?ticket=${encodeURIComponent(ticket)}`) });
      return;
    }
    if (data === POSTBACK.attendanceMenu || data === POSTBACK.mainMenu) {
      const tapId = createHash('sha256').update(rawBodyOf(req.body)).digest('hex').slice(0, 32);
      const tenant = await TenantLink.findById(event.source.domainId, { companyId: 1 }).lean();
      await startOnce<typeof richMenuSwitchWorkflow>(deps.temporal, deps.metrics, 'richMenuSwitchWorkflow', {
        workflowId: richMenuSwitchWorkflowId(event.source.domainId, event.source.userId, tapId),
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        args: [{ worksTenantId: event.source.domainId, worksUserId: event.source.userId, menu: data === POSTBACK.attendanceMenu ? 'attendance' : 'main' }],
        ...richMenuStartMetadata(event.source.domainId, tenant?.companyId, data === POSTBACK.attendanceMenu ? '勤怠登録メニューに切り替え' : 'メニューに戻る'),
      });
    }
    res.status(200).json({});
  });

  router.post('/webhooks/lineworks/app', raw, async (req, res) => {
    const event = await countingRejections((outcome) => count('lineworks-app', outcome), () => {
      if (!worksSignatureValid(rawBodyOf(req.body), req.get('x-works-signature'), deps.config.LINEWORKS_CLIENT_SECRET)) {
        throw new HttpError(401, 'invalid_signature', 'X-WORKS-Signature is missing or does not match the body.');
      }
      const parsed = parseRawBody(appLifecycleSchema, req.body, 'app lifecycle event');
      if (parsed.clientId !== deps.config.LINEWORKS_CLIENT_ID) throw new HttpError(400, 'invalid_event', 'The app lifecycle event is for another app.');
      return Promise.resolve(parsed.type === 'app.uninstalled' ? parseRawBody(appUninstalledSchema, req.body, 'app.uninstalled event') : undefined);
    });
    if (event === undefined) {
      count('lineworks-app', 'ignored');
      res.status(200).json({ status: 'ignored' });
      return;
    }
    // Signed but possibly captured and replayed (LINE WORKS signs no timestamp): a duplicate, an
    // event for another installation or older than the current one is acknowledged and changes nothing.
    const decision = await decideAppRemoval(event);
    if (!decision.act) {
      count('lineworks-app', decision.outcome === 'not_linked' ? 'unknown_tenant' : decision.outcome);
      if (decision.outcome !== 'not_linked') {
        req.log.warn({ eventId: event.eventId, worksTenantId: event.domainId, installationId: event.installationId, outcome: decision.outcome }, 'app removal event refused');
      }
      res.status(200).json({ status: decision.outcome });
      return;
    }
    try {
      // The event ID de-duplicates redeliveries in the tenant link and names the cascade.
      await web.links.removeApp(event.domainId, {
        deliveryId: event.eventId,
        requestId: event.eventId,
        reason: 'app_uninstalled',
        installationId: event.installationId,
        eventTime: event.time,
      });
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) {
        await decision.release();
        throw err;
      }
      await decision.settle('not_linked');
      count('lineworks-app', 'unknown_tenant');
      res.status(200).json({ status: 'not_linked' });
      return;
    }
    await decision.settle('accepted');
    count('lineworks-app', 'accepted');
    deps.metrics.workflowSignals.inc({ workflow: 'tenantLinkWorkflow', signal: 'app-removed', outcome: 'sent' });
    res.status(202).json({ status: 'unlinking' });
  });
  return router;
}

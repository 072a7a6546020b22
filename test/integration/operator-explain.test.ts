// The operator view answers "why didn't they get it" for each cause, through the real API, a real
// Temporal server, Mongo and the emulators — after the worker has stopped, since the view needs
// none: not ID-linked; tenant suspended; app removed; LINE WORKS refused the message (4xx); still
// retrying; the partner blocking LINE (e-mail and in-app only); a reminder not yet due. Bad input
// gets a clear 400, and everything answers only to the operator token.
import { strict as assert } from 'node:assert';
import { randomInt, randomUUID } from 'node:crypto';
import { PartnerCommandError } from '../../api/temporal/partner-commands';
import { startFreeeNotification } from '../../api/temporal/start-notification';
import type { Explanation } from '../../api/operators/explanation';
import type { UpcomingReminder } from '../../api/operators/upcoming-reminders';
import { lineLinkWorkflowId, notificationWorkflowId, orderWorkflowId } from '../../common/ids';
import { partnerActionUpdate } from '../../common/orders/messages';
import type { NotificationState, NotifyFreeeInput } from '../../common/notify/types';
import { Delivery, TenantLink } from '../../models';
import { createApiMetrics } from '../../observability/api-metrics';
import { useTestApi } from '../support/api-per-test';
import { runEntry } from '../support/process';
import { seedNewBusiness, type SeededBusiness } from '../support/fixtures';
import { lineDeliveriesOf, linkPartnerLine, newLineUserId, partnerCommandsFor, partnerLineOf, seedLineUser } from '../support/line-partners';
import { commandsFor, linkEmployees, linkTenant, newTenant } from '../support/links';
import { CHECKED_APPROVAL, createPlatformOrder, seedPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const MESSAGES = '/v1.0/bots/:botId/users/:userId/messages';

describe('operator view: why someone did not get a notification', function () {
  this.timeout(180_000);
  const run = useTestApi('explain');

  beforeEach(async () => {
    await stack().lineWorks.clearFaults();
  });
  afterEach(async () => {
    await stack().lineWorks.clearFaults();
  });

  const get = async (path: string, token: string | null = stack().secrets.operatorApiToken) => {
    const res = await fetch(`${run.api.url}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) as Explanation };
  };
  const explained = async (path: string): Promise<Explanation> => {
    const answer = await get(path);
    assert.equal(answer.status, 200, answer.text);
    return answer.json();
  };
  const has = (e: Explanation, pattern: RegExp): boolean => e.findings.some((f) => pattern.test(f));

  /** freee delivers an approval-request webhook addressed to `freeeUserId` of the business. */
  async function freeeEvent(biz: SeededBusiness, freeeUserId: string): Promise<string> {
    const s = stack();
    await s.freee.configureFreeeWebhook({ targetUrl: `${run.api.url}/webhooks/freee`, verificationToken: s.secrets.freeeWebhookToken });
    const event = s.freee.freeeEvent({ action: 'updated', approval_request: { company_id: Number(biz.companyId), applicant_id: Number(freeeUserId), status: 'approved', id: randomInt(1, 1_000_000) } });
    assert.equal((await s.freee.deliverFreeeWebhook({ event })).status, 202);
    return String(event.id);
  }
  const resultOf = (eventId: string) => stack().env.client.workflow.getHandle(notificationWorkflowId('freee', eventId)).result() as Promise<NotificationState>;

  it('not linked: the addressed freee user has no ID連携, so nothing went to LINE WORKS', async () => {
    const biz = await seedNewBusiness();
    const stranger = String(Number(biz.employee.freeeUserId) + 7);
    const eventId = await withWorker(run.taskQueue, async () => {
      const id = await freeeEvent(biz, stranger);
      assert.equal((await resultOf(id)).phase, 'no_recipients');
      return id;
    });
    const e = await explained(`/api/operator/events/freee/${eventId}`);
    assert.deepEqual(e.skipped.map((x) => [x.channel, x.recipient, x.reason]), [['lineworks', stranger, 'not_linked']]);
    assert.deepEqual(e.recipients.map((r) => [r.id, r.linked, r.tenant?.status]), [[stranger, false, 'active']]);
    assert.ok(has(e, new RegExp(`freee user ${stranger} of 事業所 ${biz.companyId} has no ID連携`)), e.findings.join('\n'));
    assert.equal(e.workflows[0]?.url, `http://127.0.0.1:8233/namespaces/default/workflows/${encodeURIComponent(notificationWorkflowId('freee', eventId))}`);
    assert.equal(e.workflows[0]?.searchAttributes.NotificationStatus, 'no_recipients');
    assert.match(e.workflows[0]?.summary ?? '', new RegExp(`事業所 ${biz.companyId}`));

    // The same answer as text from `npm run explain`.
    const cli = runEntry('scripts/explain.ts', { RENKEI_API_URL: run.api.url, OPERATOR_API_TOKEN: stack().secrets.operatorApiToken }, ['--event', eventId]);
    assert.equal(await cli.exited, 0, cli.output());
    assert.match(cli.output(), new RegExp(`Findings:\\n(.|\\n)*has no ID連携`));
    assert.match(cli.output(), /http:\/\/127\.0\.0\.1:8233\/namespaces\/default\/workflows\/notify%3Afreee%3A/);

    const person = await explained(`/api/operator/employees/${biz.companyId}/${stranger}`);
    assert.ok(has(person, new RegExp(`freee user ${stranger} of 事業所 ${biz.companyId} is not ID-linked now`)), person.findings.join('\n'));
    assert.deepEqual(person.deliveries.map((d) => [d.workflowId, d.status, d.reason]), [[notificationWorkflowId('freee', eventId), 'skipped', 'not_linked']]);
  });

  it('tenant suspended: LINE WORKS refused the tenant’s token, the message waits for re-authorisation', async () => {
    const s = stack();
    const biz = await seedNewBusiness();
    // LINE WORKS refuses the token on the message, and again after renkei renewed it.
    await s.lineWorks.fault({ method: 'POST', path: MESSAGES, status: 401, times: 2 });
    const eventId = await withWorker(run.taskQueue, async () => {
      const id = await freeeEvent(biz, biz.employee.freeeUserId);
      await eventually(() => TenantLink.findById(biz.worksTenantId).lean(), (t) => t?.status === 'suspended', 'the tenant suspended');
      await eventually(async () => (await explained(`/api/operator/events/freee/${id}`)).workflows[0]?.searchAttributes.NotificationStatus, (v) => v === 'suspended', 'the notification waiting');
      return id;
    });
    const e = await explained(`/api/operator/events/freee/${eventId}`);
    assert.equal(e.workflows[0]?.status, 'RUNNING');
    assert.deepEqual(e.recipients.map((r) => [r.id, r.linked, r.tenant?.status]), [[biz.employee.freeeUserId, true, 'suspended']]);
    assert.ok(has(e, new RegExp(`LINE WORKS tenant ${biz.worksTenantId} is suspended`)), e.findings.join('\n'));
    assert.deepEqual(e.pending.filter((p) => p.what === 'waiting').map((p) => p.workflowId), [notificationWorkflowId('freee', eventId)]);
    const attempts = e.deliveries[0]?.attemptLog ?? [];
    assert.match(attempts[attempts.length - 1]?.answer ?? '', /LINE WORKS answered 401/);
    await s.env.client.workflow.getHandle(notificationWorkflowId('freee', eventId)).terminate('test over');
  });

  it('app removed: the removal revoked the links, so a later notification reaches nobody, and says why', async () => {
    const s = stack();
    const commands = commandsFor(run.taskQueue);
    const t = newTenant();
    const eventId = `ev-${randomUUID()}`;
    await withWorker(run.taskQueue, async () => {
      await linkTenant(commands, t);
      const [user] = await linkEmployees(commands, t, 1);
      await commands.removeApp(t.worksTenantId, { deliveryId: randomUUID(), requestId: randomUUID(), reason: 'app_uninstalled' });
      await eventually(() => TenantLink.findById(t.worksTenantId).lean(), (x) => x?.status === 'removed', 'the tenant removed');
      const event: NotifyFreeeInput = {
        kind: 'accounting',
        eventId,
        resource: 'accounting:approval_request',
        action: 'updated',
        companyId: t.companyId,
        resourceId: '42',
        status: 'approved',
        recipientFreeeUserIds: [user as string],
        createdAt: new Date().toISOString(),
      };
      await startFreeeNotification(s.env.client, createApiMetrics(), run.taskQueue, event);
      assert.equal((await resultOf(eventId)).phase, 'no_recipients');
    });
    const e = await explained(`/api/operator/events/freee/${eventId}`);
    assert.deepEqual(e.skipped.map((x) => x.reason), ['app_removed']);
    assert.deepEqual(e.recipients.map((r) => [r.linked, r.tenant?.worksTenantId, r.tenant?.status]), [[false, t.worksTenantId, 'removed']]);
    assert.ok(has(e, /the LINE WORKS app was removed from/), e.findings.join('\n'));
  });

  it('LINE WORKS refused the message (400): failed, not retried, with LINE WORKS’s answer', async () => {
    const s = stack();
    const biz = await seedNewBusiness();
    await s.lineWorks.fault({ method: 'POST', path: MESSAGES, status: 400, times: 1 });
    const eventId = await withWorker(run.taskQueue, async () => {
      const id = await freeeEvent(biz, biz.employee.freeeUserId);
      assert.equal((await resultOf(id)).phase, 'failed');
      return id;
    });
    const e = await explained(`/api/operator/events/freee/${eventId}`);
    const [d] = e.deliveries;
    assert.equal(d?.status, 'failed');
    assert.deepEqual(d?.attemptLog.map((a) => [a.attempt, a.ok]), [[1, false]]);
    assert.match(d?.attemptLog[0]?.answer ?? '', /^LINE WORKS answered 400/);
    assert.ok(has(e, /failed and not retried — the provider answered "LINE WORKS answered 400/), e.findings.join('\n'));
    assert.deepEqual(e.pending, []);
  });

  it('still retrying: LINE WORKS answers 503, the view shows each attempt and the next one (JST and UTC)', async () => {
    const s = stack();
    const biz = await seedNewBusiness();
    await s.lineWorks.fault({ method: 'POST', path: MESSAGES, status: 503, times: 1000 });
    const workflowId = await withWorker(run.taskQueue, async () => {
      const id = await freeeEvent(biz, biz.employee.freeeUserId);
      const wf = notificationWorkflowId('freee', id);
      await eventually(() => Delivery.findOne({ workflowId: wf, channel: 'lineworks' }).lean(), (d) => (d?.attemptLog?.length ?? 0) >= 2, 'two attempts logged');
      return wf;
    });
    const e = await explained(`/api/operator/events/freee/${workflowId.split(':')[2] as string}`);
    assert.equal(e.workflows[0]?.status, 'RUNNING');
    const retry = e.pending.find((p) => p.what === 'retry');
    assert.ok(retry, JSON.stringify(e.pending));
    assert.match(retry.detail, /deliverLineWorksMessage .*attempt \d+/);
    const [d] = e.deliveries;
    assert.equal(d?.status, 'sending');
    assert.ok((d?.attemptLog.length ?? 0) >= 2);
    assert.ok(d?.attemptLog.every((a) => !a.ok && /^LINE WORKS answered 503/.test(a.answer)));
    assert.ok(has(e, /still retrying — attempt \d+ answered "LINE WORKS answered 503/), e.findings.join('\n'));
    const at = d?.attemptLog[0]?.at;
    assert.equal(at?.jst, `${new Date(Date.parse(at?.utc ?? '') + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} JST`);
    await s.env.client.workflow.getHandle(workflowId).terminate('test over');
  });

  it('partner blocking LINE: the order went by e-mail and in-app only, each LINE skip with its reason', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: true });
    await seedLineUser(partner);
    const orderId = await withWorker(run.taskQueue, async () => {
      const { lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner);
      await s.line.block(lineUserId);
      await eventually(() => partnerLineOf(partner.partnerId), (l) => l?.blocked === true, 'the partner marked blocking');
      const { orderId: id } = await createPlatformOrder(partner, Date.now());
      await eventually(() => Delivery.find({ workflowId: orderWorkflowId(id) }).lean(), (ds) => ds.length === 3 && ds.every((d) => d.status === 'sent' || d.status === 'skipped'), 'three channels settled');
      return id;
    });
    const e = await explained(`/api/operator/orders/${orderId}`);
    assert.deepEqual(e.deliveries.map((d) => [d.channel, d.status, d.reason ?? null]).sort(), [
      ['email', 'sent', null],
      ['inapp', 'sent', null],
      ['line', 'skipped', 'blocked'],
    ]);
    assert.deepEqual(e.skipped.map((x) => [x.channel, x.reason]), [['line', 'blocked']]);
    assert.deepEqual(e.recipients.map((r) => [r.id, r.linked, r.line?.blocked]), [[partner.partnerId, true, true]]);
    assert.ok(has(e, new RegExp(`partner ${partner.partnerId} blocks the LINE Official Account: LINE was skipped, e-mail and in-app went`)), e.findings.join('\n'));
    assert.equal(e.deliveries.find((d) => d.channel === 'email')?.attemptLog[0]?.answer, 'accepted by the SMTP server');
    assert.deepEqual((await lineDeliveriesOf(orderWorkflowId(orderId))).map((d) => d.skipReason), ['blocked']);

    const byPartner = await explained(`/api/operator/partners/${partner.partnerId}`);
    assert.ok(byPartner.workflows.some((w) => w.workflowId === orderWorkflowId(orderId)));
    assert.ok(has(byPartner, /blocks the LINE Official Account now/), byPartner.findings.join('\n'));
  });

  it('reminder not yet due: the order lists its 「請求書を作成してください」 with due instants in JST and UTC, and operators list them by company and day', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: false });
    const closingDate = `${new Date().getUTCFullYear() + 1}-03-31`;
    const orderId = await withWorker(run.taskQueue, async () => {
      const { orderId: id } = await createPlatformOrder(partner, Date.now(), closingDate);
      const handle = s.env.client.workflow.getHandle(orderWorkflowId(id));
      await eventually(async () => (await handle.describe()).status.name, (x) => x === 'RUNNING', 'the order running');
      await handle.executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action: CHECKED_APPROVAL }], updateId: `approve-${id}` });
      assert.equal((await s.lansmart.createWorkReport(id)).delivery.status, 202);
      await eventually(() => explained(`/api/operator/orders/${id}`), (e) => e.pending.filter((p) => p.what === 'reminder').length === 2, 'two reminders to come');
      return id;
    });
    const e = await explained(`/api/operator/orders/${orderId}`);
    const reminders = e.pending.filter((p) => p.what === 'reminder');
    const nextYear = closingDate.slice(0, 4);
    assert.deepEqual(
      reminders.map((r) => r.dueAt?.jst),
      [`${nextYear}-04-01 10:00 JST`, `${nextYear}-04-02 10:00 JST`],
    );
    assert.deepEqual(reminders.map((r) => r.dueAt?.utc), [`${nextYear}-04-01T01:00:00.000Z`, `${nextYear}-04-02T01:00:00.000Z`]);
    assert.ok(has(e, /not yet due: 「請求書を作成してください」/), e.findings.join('\n'));
    assert.ok(has(e, /has never linked LINE/), e.findings.join('\n'));

    const list = async (query: string) => {
      const answer = await get(`/api/operator/reminders?${query}`);
      assert.equal(answer.status, 200, answer.text);
      return (JSON.parse(answer.text) as { reminders: UpcomingReminder[] }).reminders;
    };
    const byCompany = await list(`companyId=${partner.companyId}`);
    assert.deepEqual(byCompany.map((r) => [r.orderId, r.key, r.dueAt.jst]), [
      [orderId, 'r0-0', `${nextYear}-04-01 10:00 JST`],
      [orderId, 'r0-1', `${nextYear}-04-02 10:00 JST`],
    ]);
    const byDay = await list(`companyId=${partner.companyId}&day=${nextYear}-04-02`);
    assert.deepEqual(byDay.map((r) => r.key), ['r0-1']);
    assert.deepEqual(await list(`companyId=${partner.companyId}&day=${nextYear}-04-03`), []);

    const page = await get(`/operator/explain?order=${orderId}`);
    assert.equal(page.status, 200);
    assert.match(page.type, /text\/html/);
    assert.match(page.text, new RegExp(`${nextYear}-04-01 10:00 JST`));
    assert.match(page.text, /href="http:\/\/127\.0\.0\.1:8233\/namespaces\/default\/workflows\/order%3A/);
    const remindersPage = await get(`/operator/explain?reminders=1&company=${partner.companyId}`);
    assert.equal(remindersPage.status, 200);
    assert.match(remindersPage.text, new RegExp(orderId));
  });

  it('a refused link attempt ("linked elsewhere") shows on the link workflow as LinkRefusal and in the view', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: true });
    await seedLineUser(partner);
    await withWorker(run.taskQueue, async () => {
      await linkPartnerLine(run.api, run.taskQueue, partner);
      const refused = await partnerCommandsFor(run.taskQueue)
        .linkLine(partner.partnerId, { companyId: partner.companyId, lineUserId: newLineUserId(), partnerEmail: partner.email, lineEmail: partner.email, friend: true }, `line-login:${randomUUID()}`)
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      assert.ok(refused instanceof PartnerCommandError && refused.type === 'PARTNER_LINKED_ELSEWHERE', String(refused));
      await eventually(
        async () => (await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).describe()).typedSearchAttributes.getAll().find((p) => p.key.name === 'LinkRefusal')?.value,
        (v) => v === 'PARTNER_LINKED_ELSEWHERE',
        'LinkRefusal on the LINE link workflow',
      );
    });
    const e = await explained(`/api/operator/partners/${partner.partnerId}`);
    assert.deepEqual(e.recipients.map((r) => [r.linked, r.linkRefusal]), [[true, 'PARTNER_LINKED_ELSEWHERE']]);
    assert.ok(has(e, /the last LINE link attempt of partner .* was refused: PARTNER_LINKED_ELSEWHERE/), e.findings.join('\n'));
    const history = await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).fetchHistory();
    assert.ok(history.events?.some((ev) => ev.workflowExecutionSignaledEventAttributes?.signalName === 'link-refused'), 'the refusal in the history');
  });

  it('answers bad input with a clear 400, unknown subjects with 404, and only to the operator token', async () => {
    const token = stack().secrets.operatorApiToken;
    const bad = await get('/api/operator/events/freee/bad%20id');
    assert.equal(bad.status, 400);
    assert.equal((JSON.parse(bad.text) as { error: { code: string } }).error.code, 'invalid_event_id');
    const day = await get('/api/operator/reminders?day=2026-02-30');
    assert.equal(day.status, 400);
    assert.match(day.text, /day: not a calendar day/);
    assert.equal((await get('/api/operator/reminders?limit=0')).status, 400);
    assert.equal((await get('/api/operator/reminders?what=1')).status, 400, 'an unknown parameter');
    const two = await get('/operator/explain?event=a&partner=b');
    assert.equal(two.status, 400, 'two subjects at once');
    assert.equal((await get('/operator/explain')).status, 400, 'no subject');
    assert.equal((await get('/api/operator/orders/no-such-order')).status, 404);
    assert.equal((await get('/api/operator/partners/no-such-partner', null)).status, 401);
    assert.equal((await get('/operator/explain?order=x', `${token}x`)).status, 401);
  });
});

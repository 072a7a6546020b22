// The freee notification's branches with stub activities on the time-skipping server: nobody
// linked, delivered to every recipient, a refused delivery, and a suspended tenant whose delivery
// waits for the re-authorisation and goes once after it.
import { strict as assert } from 'node:assert';
import { activityInfo } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { ErrorType } from '../../common/errors';
import { notificationStatusQuery, tenantResumedSignal } from '../../common/notify/messages';
import type { LineWorksRecipient, NotifyFreeeInput } from '../../common/notify/types';
import type { FirstTry } from '../../activities/notify/notify-freee-recipients';
import type { notifyFreeeEventWorkflow } from '../../workflows/notify-freee-event';
import { eventually } from '../support/wait';
import { withStubWorker, workflowEnv } from '../support/workflow-env';

const recipient = (worksUserId: string, tenantStatus: 'active' | 'suspended' = 'active'): LineWorksRecipient => ({
  freeeUserId: `f-${worksUserId}`,
  worksTenantId: 't1',
  botId: 'b1',
  serviceAccountId: 'sa1',
  worksUserId,
  tenantStatus,
});

function notifyStubs(recipients: LineWorksRecipient[], refuse: (worksUserId: string, attempt: number) => string | undefined = () => undefined) {
  const sent: string[] = [];
  const failed: Array<{ deliveryKey: string; error: string }> = [];
  const tokenRefusals: string[] = [];
  const attempts = new Map<string, number>();
  let tenant: 'active' | 'suspended' | 'removed' = 'active';
  return {
    sent,
    failed,
    tokenRefusals,
    setTenant(status: typeof tenant): void {
      tenant = status;
    },
    activities: {
      // One try per reachable recipient, as the real activity does: a refusal for good is logged
      // failed, a refused token reported to the workflow, a suspended tenant's recipient left waiting.
      notifyFreeeRecipients: (): Promise<{ recipients: LineWorksRecipient[]; unlinkedFreeeUserIds: string[]; firstTries: FirstTry[] }> => {
        const firstTries = recipients.map((r): FirstTry => {
          if (r.tenantStatus !== 'active') return { outcome: 'waiting' };
          const user = r.worksUserId;
          const attempt = (attempts.get(user) ?? 0) + 1;
          attempts.set(user, attempt);
          const type = refuse(user, attempt);
          if (type === undefined) {
            sent.push(user);
            return { outcome: 'sent' };
          }
          if (type === ErrorType.TOKEN_INVALID) return { outcome: 'token_refused' };
          failed.push({ deliveryKey: `first-try:${user}`, error: type });
          return { outcome: 'failed', error: type };
        });
        return Promise.resolve({ recipients, unlinkedFreeeUserIds: [], firstTries });
      },
      resolveFreeeRecipients: (): Promise<{ recipients: LineWorksRecipient[]; unlinkedFreeeUserIds: string[] }> => Promise.resolve({ recipients, unlinkedFreeeUserIds: [] }),
      deliverLineWorksMessage: (input: { recipient: LineWorksRecipient }): Promise<{ outcome: 'sent' }> => {
        const user = input.recipient.worksUserId;
        const attempt = (attempts.get(user) ?? 0) + 1;
        attempts.set(user, attempt);
        const type = refuse(user, attempt);
        if (type) return Promise.reject(ApplicationFailure.nonRetryable(`refused ${user}`, type));
        sent.push(user);
        return Promise.resolve({ outcome: 'sent' });
      },
      markDeliveryFailed: (input: { deliveryKey: string; error: string }): Promise<void> => {
        failed.push(input);
        return Promise.resolve();
      },
      reportTokenRefused: (input: { worksTenantId: string }): Promise<void> => {
        tokenRefusals.push(input.worksTenantId);
        return Promise.resolve();
      },
      tenantLinkStatus: (): Promise<'active' | 'suspended' | 'removed'> => Promise.resolve(tenant),
    },
  };
}

let n = 0;
const event = (): NotifyFreeeInput => ({
  kind: 'accounting',
  eventId: `e${++n}`,
  companyId: 'c1',
  recipientFreeeUserIds: ['f-a', 'f-b'],
  createdAt: '2026-12-04T00:00:00Z',
  resource: 'accounting:approval_request',
  action: 'created',
  resourceId: '1',
});

const start = (taskQueue: string) => {
  const input = event();
  return workflowEnv().client.workflow.start<typeof notifyFreeeEventWorkflow>('notifyFreeeEventWorkflow', { workflowId: `notify:freee:${input.eventId}-${taskQueue}`, taskQueue, args: [input] });
};

describe('freee notification workflow (stub activities, time-skipping)', () => {
  it('ends with no_recipients when nobody addressed is linked', async () => {
    const s = notifyStubs([]);
    const final = await withStubWorker(s.activities, async (tq) => (await start(tq)).result());
    assert.equal(final.phase, 'no_recipients');
    assert.deepEqual(s.sent, []);
  });

  it('delivers to every linked recipient once', async () => {
    const s = notifyStubs([recipient('a'), recipient('b')]);
    const final = await withStubWorker(s.activities, async (tq) => (await start(tq)).result());
    assert.equal(final.phase, 'delivered');
    assert.deepEqual(s.sent.sort(), ['a', 'b']);
  });

  it('tries first in the workflow task, and carries a first try that throws on as an activity: delivered once', async () => {
    const s = notifyStubs([recipient('a')]);
    const local: boolean[] = [];
    const activities = {
      ...s.activities,
      notifyFreeeRecipients: () => {
        local.push(activityInfo().isLocal);
        return local.length === 1 ? Promise.reject(new Error('database unavailable')) : s.activities.notifyFreeeRecipients();
      },
    };
    const final = await withStubWorker(activities, async (tq) => (await start(tq)).result());
    assert.equal(final.phase, 'delivered');
    assert.deepEqual(local, [true, false], 'a local activity first, then the activity');
    assert.deepEqual(s.sent, ['a']);
  });

  it('marks a refused delivery failed, delivers the others (partially delivered)', async () => {
    const s = notifyStubs([recipient('a'), recipient('b')], (user) => (user === 'b' ? ErrorType.PROVIDER_REJECTED : undefined));
    const final = await withStubWorker(s.activities, async (tq) => (await start(tq)).result());
    assert.equal(final.phase, 'partially_delivered');
    assert.deepEqual(
      final.recipients.map((r) => [r.worksUserId, r.status, r.error]),
      [
        ['a', 'sent', undefined],
        ['b', 'failed', ErrorType.PROVIDER_REJECTED],
      ],
    );
    assert.equal(s.failed.length, 1);
  });

  it('keeps a delivery whose token LINE WORKS refused until the tenant is re-authorised, then delivers it once', async () => {
    const s = notifyStubs([recipient('a')], (_user, attempt) => (attempt === 1 ? ErrorType.TOKEN_INVALID : undefined));
    s.setTenant('suspended');
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      await eventually(() => h.query(notificationStatusQuery), (st) => st.phase === 'suspended', 'the notification waits for the tenant');
      assert.deepEqual(s.tokenRefusals, ['t1']);
      s.setTenant('active');
      await h.signal(tenantResumedSignal, { worksTenantId: 't1' });
      const final = await h.result();
      assert.equal(final.phase, 'delivered');
    });
    assert.deepEqual(s.sent, ['a']);
  });

  it('fails a waiting delivery once when the tenant is removed', async () => {
    const s = notifyStubs([recipient('a', 'suspended')]);
    s.setTenant('removed');
    const final = await withStubWorker(s.activities, async (tq) => (await start(tq)).result()); // the re-check comes on skipped time
    assert.equal(final.phase, 'failed');
    assert.deepEqual(s.failed.map((f) => f.error), [ErrorType.TOKEN_INVALID]);
    assert.deepEqual(s.sent, []);
  });
});

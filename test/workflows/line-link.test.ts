// The LINE link's branches with stub activities: the e-mail checks, 友だち登録完了 once per link, a
// notice that could not be delivered kept in the status, follow / block in event-time order, and
// 連動の解除 (LINE refusing the tokens) ending the link.
import { strict as assert } from 'node:assert';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ErrorType } from '../../common/errors';
import { friendshipSignal, lineLinkStatusQuery, lineTokensRefusedSignal, linkLineUpdate } from '../../common/partners/messages';
import type { LineLinkState, LinkLineInput } from '../../common/partners/types';
import type { lineLinkWorkflow } from '../../workflows/line-link';
import { eventually } from '../support/wait';
import { withStubWorker, workflowEnv } from '../support/workflow-env';
import { partnerDeliveryStubs } from './partner-stubs';

function lineStubs(options: { refusePlan?: boolean } = {}) {
  const delivery = partnerDeliveryStubs(options);
  const saved: Array<{ status: string; friend: boolean; blocked: boolean }> = [];
  return {
    delivery,
    saved,
    activities: {
      ...delivery.activities,
      recordPartnerLine: (): Promise<void> => Promise.resolve(),
      savePartnerLineState: (input: { status: 'linked' | 'unlinked'; friend: boolean; blocked: boolean }): Promise<void> => {
        saved.push({ status: input.status, friend: input.friend, blocked: input.blocked });
        return Promise.resolve();
      },
    },
  };
}

let n = 0;
const start = (taskQueue: string): Promise<WorkflowHandle<typeof lineLinkWorkflow>> =>
  workflowEnv().client.workflow.start<typeof lineLinkWorkflow>('lineLinkWorkflow', { workflowId: `line-link:p${++n}-${taskQueue}`, taskQueue, args: [{ partnerId: `p${n}` }] });

const login = (over: Partial<LinkLineInput> = {}): LinkLineInput => ({ companyId: 'c1', lineUserId: 'U1', partnerEmail: 'Hanako@Partner.example', lineEmail: 'hanako@partner.example', friend: true, ...over });

const refusedAs = async (p: Promise<unknown>, type: string): Promise<void> => {
  await assert.rejects(p, (err: unknown) => err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === type);
};

/** Waits (on the status query) until `check` holds. */
const until = (h: WorkflowHandle<typeof lineLinkWorkflow>, check: (s: LineLinkState) => boolean): Promise<LineLinkState> =>
  eventually(() => h.query(lineLinkStatusQuery), check, 'the LINE link’s expected state');

describe('LINE link workflow (stub activities)', () => {
  it('refuses a LINE account without e-mail or with another e-mail, links the partner’s, and sends 友だち登録完了 once', async () => {
    const s = lineStubs();
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      assert.equal((await h.executeUpdate(linkLineUpdate, { args: [login()] })).alreadyLinked, false);
      await refusedAs(h.executeUpdate(linkLineUpdate, { args: [login({ lineEmail: null })] }), ErrorType.EMAIL_MISSING);
      await refusedAs(h.executeUpdate(linkLineUpdate, { args: [login({ lineEmail: 'other@partner.example' })] }), ErrorType.EMAIL_MISMATCH);
      assert.equal((await h.executeUpdate(linkLineUpdate, { args: [login()] })).alreadyLinked, true);
      await refusedAs(h.executeUpdate(linkLineUpdate, { args: [login({ lineUserId: 'U2' })] }), ErrorType.PARTNER_LINKED_ELSEWHERE);
      await until(h, () => s.delivery.inAppKinds().length > 0);
      await h.terminate();
    });
    assert.deepEqual(s.delivery.inAppKinds(), ['friend_registered']);
  });

  it('keeps a 友だち登録完了 it could not deliver in the status', async () => {
    const s = lineStubs({ refusePlan: true });
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      await h.executeUpdate(linkLineUpdate, { args: [login()] });
      await until(h, (st) => (st.deliveryErrors ?? []).length > 0);
      const [error] = (await h.query(lineLinkStatusQuery)).deliveryErrors ?? [];
      assert.match(error?.key ?? '', /friend_registered/);
      await h.terminate();
    });
  });

  it('applies follow and block by event time (a late older event changes nothing), sends 友だち登録完了 on the first follow, and ends the link when LINE refuses the tokens', async () => {
    const s = lineStubs();
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      await h.executeUpdate(linkLineUpdate, { args: [login({ friend: false })] });
      await h.signal(friendshipSignal, { deliveryId: 'w1', lineUserId: 'U1', event: 'follow', timestamp: 1000 });
      await h.signal(friendshipSignal, { deliveryId: 'w2', lineUserId: 'U1', event: 'unfollow', timestamp: 3000 });
      // Late and older than the block: changes nothing.
      await h.signal(friendshipSignal, { deliveryId: 'w0', lineUserId: 'U1', event: 'follow', isUnblocked: true, timestamp: 2000 });
      await until(h, (st) => st.friendshipAt === 3000);
      assert.deepEqual(((st) => [st.friend, st.blocked])(await h.query(lineLinkStatusQuery)), [true, true]);
      await h.signal(lineTokensRefusedSignal, { deliveryId: 'w3', lineUserId: 'U1' });
      const final = await h.result();
      assert.equal(final.status, 'unlinked');
      assert.equal(final.unlinkReason, 'app_unlinked');
    });
    assert.deepEqual(s.delivery.inAppKinds(), ['friend_registered']);
    assert.deepEqual(s.saved.at(-1), { status: 'unlinked', friend: true, blocked: true });
  });
});

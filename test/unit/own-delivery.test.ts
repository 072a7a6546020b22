// What a person sees of a notification on its status page: their own delivery only.
import { strict as assert } from 'node:assert';
import type { NotificationState, RecipientStatus } from '../../common/notify/types';
import { ownDelivery } from '../../api/notifications/own-delivery';

const recipient = (freeeUserId: string, status: RecipientStatus, error?: string) => ({
  freeeUserId,
  worksTenantId: 't1',
  worksUserId: `w-${freeeUserId}@t1`,
  status,
  ...(error ? { error } : {}),
});

const state = (recipients: NotificationState['recipients'], phase: NotificationState['phase'] = 'partially_delivered'): NotificationState => ({
  eventId: 'e1',
  companyId: '1001',
  phase,
  notice: { title: '【freee人事労務】', body: '勤怠の申請が承認されました', link: '/hr', linkLabel: '確認する' },
  recipients,
  unlinkedFreeeUserIds: ['3'],
});

describe('own delivery (notification status page)', () => {
  it('keeps only the viewer’s entry and tells their own state, not the notification’s', () => {
    const own = ownDelivery(state([recipient('1', 'sent'), recipient('2', 'failed', 'LINE WORKS refused')]), { companyId: '1001', freeeUserId: '1' });
    assert.deepEqual(own?.recipients, [{ worksUserId: 'w-1@t1', status: 'sent' }]);
    assert.equal(own?.phase, 'delivered');
    assert.equal(JSON.stringify(own).includes('w-2@t1'), false);
    assert.equal(ownDelivery(state([recipient('1', 'sent'), recipient('2', 'failed', 'x')]), { companyId: '1001', freeeUserId: '2' })?.phase, 'failed');
    assert.equal(ownDelivery(state([recipient('1', 'pending')], 'delivering'), { companyId: '1001', freeeUserId: '1' })?.phase, 'delivering');
    assert.equal(ownDelivery(state([recipient('1', 'waiting')], 'suspended'), { companyId: '1001', freeeUserId: '1' })?.phase, 'suspended');
  });

  it('is nothing for another business, someone not addressed, or an addressed person without an ID-link', () => {
    const s = state([recipient('1', 'sent')], 'delivered');
    assert.equal(ownDelivery(s, { companyId: '2002', freeeUserId: '1' }), undefined);
    assert.equal(ownDelivery(s, { companyId: '1001', freeeUserId: '9' }), undefined);
    assert.equal(ownDelivery(s, { companyId: '1001', freeeUserId: '3' }), undefined);
  });
});

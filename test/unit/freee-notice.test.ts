// What employees read for each freee event, and how a webhook payload becomes a FreeeEvent.
import { strict as assert } from 'node:assert';
import { freeeNotice } from '../../common/freee/notice';
import type { AccountingEvent } from '../../common/freee/events';
import { freeeWebhookSchema, toFreeeEvent } from '../../api/schemas/freee-webhook';

const base: AccountingEvent = {
  kind: 'accounting',
  eventId: 'e1',
  resource: 'accounting:expense_application',
  action: 'updated',
  companyId: '1',
  resourceId: '77',
  status: 'feedback',
  recipientFreeeUserIds: ['5'],
  createdAt: '2026-11-22T10:00:00+09:00',
};

describe('freee notices', () => {
  it('names the request, its number and the new status in Japanese, linking to it', () => {
    const n = freeeNotice(base);
    assert.equal(n.body, '経費申請（No.77）のステータスが更新されました：差戻し');
    assert.equal(n.link, '/expense_applications/77');
  });

  it('links to the list when the request was deleted', () => {
    const n = freeeNotice({ ...base, resource: 'accounting:payment_request', action: 'destroyed' });
    assert.equal(n.body, '支払依頼（No.77）が削除されました。');
    assert.equal(n.link, '/payment_requests');
  });

  it('reduces a webhook payload to the applicant as recipient, IDs as strings', () => {
    const payload = freeeWebhookSchema.parse({
      id: 'evt-1',
      application_id: 9,
      resource: 'accounting:approval_request',
      action: 'created',
      created_at: '2026-11-22T10:00:00+09:00',
      approval_request: { id: 12, company_id: 34, status: 'in_progress', applicant_id: 56 },
    });
    const e = toFreeeEvent(payload, 'accounting:approval_request');
    assert.deepEqual(e, {
      kind: 'accounting',
      eventId: 'evt-1',
      resource: 'accounting:approval_request',
      action: 'created',
      companyId: '34',
      resourceId: '12',
      status: 'in_progress',
      recipientFreeeUserIds: ['56'],
      createdAt: '2026-11-22T10:00:00+09:00',
    });
  });

  it('refuses event IDs that could not be part of a workflow ID', () => {
    const r = freeeWebhookSchema.safeParse({ id: 'a:b/../c', resource: 'x', action: 'created', created_at: '2026-11-22T10:00:00Z' });
    assert.equal(r.success, false);
  });
});

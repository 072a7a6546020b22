// LINE's webhook Event schema does not require `source` (module-channel and bot-suspension events
// carry none): such events are read and acknowledged, not counted invalid.

import { strict as assert } from 'node:assert';
import { followEvent, lineEventBase, postbackEvent } from '../../api/schemas/line-webhook';

const base = { webhookEventId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', timestamp: 1_700_000_000_000, mode: 'active', deliveryContext: { isRedelivery: false } };

describe('LINE webhook event schema', () => {
  it('reads an event without source', () => {
    assert.equal(lineEventBase.safeParse({ ...base, type: 'botSuspended' }).success, true);
    assert.equal(followEvent.safeParse({ ...base, type: 'follow', follow: { isUnblocked: false } }).success, true);
    assert.equal(postbackEvent.safeParse({ ...base, type: 'postback', postback: { data: 'x' } }).success, true);
  });

  it('still reads the source when there is one', () => {
    const parsed = followEvent.parse({ ...base, type: 'follow', source: { type: 'user', userId: 'U0123456789abcdef0123456789abcdef' } });
    assert.equal(parsed.source?.userId, 'U0123456789abcdef0123456789abcdef');
  });

  it('still refuses an event without an ID', () => {
    assert.equal(lineEventBase.safeParse({ timestamp: 1, type: 'follow' }).success, false);
  });
});

// LINE's webhook Event schema (the SDK's webhook types) does not require `source` (module-channel
// and bot-suspension events carry none): such events are read and acknowledged, not counted
// invalid. What it does require (mode, deliveryContext, a follow's replyToken) renkei requires too.

import { strict as assert } from 'node:assert';
import { followEvent, lineEventBase, postbackEvent } from '../../api/schemas/line-webhook';

const base = { webhookEventId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', timestamp: 1_700_000_000_000, mode: 'active', deliveryContext: { isRedelivery: false } };

describe('LINE webhook event schema', () => {
  it('reads an event without source', () => {
    assert.equal(lineEventBase.safeParse({ ...base, type: 'botSuspended' }).success, true);
    assert.equal(followEvent.safeParse({ ...base, type: 'follow', replyToken: 'r', follow: { isUnblocked: false } }).success, true);
    assert.equal(postbackEvent.safeParse({ ...base, type: 'postback', postback: { data: 'x' } }).success, true);
  });

  it('still reads the source when there is one', () => {
    const parsed = followEvent.parse({ ...base, type: 'follow', replyToken: 'r', follow: { isUnblocked: true }, source: { type: 'user', userId: 'U0123456789abcdef0123456789abcdef' } });
    assert.equal(parsed.source?.userId, 'U0123456789abcdef0123456789abcdef');
  });

  it('reads a group or room source as LINE sends it', () => {
    const group = postbackEvent.parse({ ...base, type: 'postback', postback: { data: 'x' }, source: { type: 'group', groupId: 'C0123456789abcdef0123456789abcdef', userId: 'U0123456789abcdef0123456789abcdef' } });
    assert.equal(group.source?.type, 'group');
    assert.equal(postbackEvent.safeParse({ ...base, type: 'postback', postback: { data: 'x' }, source: { type: 'room' } }).success, false);
  });

  it('still refuses an event without an ID, a mode or a delivery context (LINE always sends them)', () => {
    assert.equal(lineEventBase.safeParse({ timestamp: 1, type: 'follow' }).success, false);
    const { mode: _mode, ...noMode } = base;
    const { deliveryContext: _context, ...noContext } = base;
    assert.equal(lineEventBase.safeParse({ ...noMode, type: 'follow' }).success, false);
    assert.equal(lineEventBase.safeParse({ ...noContext, type: 'follow' }).success, false);
    assert.equal(lineEventBase.safeParse({ ...base, mode: 'passive', type: 'follow' }).success, false);
  });
});

// LINE WORKS room membership callbacks (join, joined, leave, left) name a channel, not a user:
// they are well-formed events renkei reads and ignores, never counted invalid.

import { strict as assert } from 'node:assert';
import { botCallbackSchema } from '../../api/schemas/lineworks-callbacks';

const issuedTime = '2026-12-04T07:00:00.000Z';

describe('LINE WORKS bot callback schema', () => {
  it('reads join and leave, whose source names a channel', () => {
    assert.equal(botCallbackSchema.safeParse({ type: 'join', source: { channelId: 'c0a8f8e2-1a2b-4c3d-9e8f-000000000001', domainId: 10000001 }, issuedTime }).success, true);
    assert.equal(botCallbackSchema.safeParse({ type: 'leave', source: { channelId: 'c0a8f8e2-1a2b-4c3d-9e8f-000000000001', domainId: 10000001 }, issuedTime }).success, true);
  });

  it('reads joined and left, which list members', () => {
    assert.equal(botCallbackSchema.safeParse({ type: 'joined', source: { channelId: 'c1', domainId: 10000001 }, members: ['u-taro', 'u-hanako'], issuedTime }).success, true);
    assert.equal(botCallbackSchema.safeParse({ type: 'left', source: { channelId: 'c1', domainId: 10000001 }, members: ['u-taro'], issuedTime }).success, true);
  });

  it('still requires the user on the events renkei acts on', () => {
    assert.equal(botCallbackSchema.safeParse({ type: 'postback', source: { channelId: 'c1', domainId: 10000001 }, data: 'action=link', issuedTime }).success, false);
    assert.equal(botCallbackSchema.safeParse({ type: 'postback', source: { userId: 'u-taro', domainId: 10000001 }, data: 'action=link', issuedTime }).success, true);
  });
});

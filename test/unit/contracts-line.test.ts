// renkei's LINE push requests against the LINE SDK's generated types (from LINE's OpenAPI): the
// compiler refuses this file if a message renkei can build is not a message LINE accepts.

import { strict as assert } from 'node:assert';
import type { messagingApi } from '@line/bot-sdk';
import type { LineMessage } from '../../providers/line/messaging-client';

/** Compiles only when T is assignable to U. */
type AssignableTo<T extends U, U> = T;
type PushBody = { to: string; messages: LineMessage[] };

export type MessagesAreLineMessages = AssignableTo<LineMessage, messagingApi.Message>;
export type PushBodyIsPushMessageRequest = AssignableTo<PushBody, messagingApi.PushMessageRequest>;

describe('LINE contract: push request types', () => {
  it('a buttons template push is a PushMessageRequest of the SDK', () => {
    const body: messagingApi.PushMessageRequest = {
      to: 'U0123456789abcdef0123456789abcdef',
      messages: [
        { type: 'template', altText: '発注のお知らせ', template: { type: 'buttons', text: '承認してください', actions: [{ type: 'postback', label: '承認する', data: 'a=1' }] } } satisfies LineMessage,
      ],
    };
    assert.equal(body.messages.length, 1);
  });
});

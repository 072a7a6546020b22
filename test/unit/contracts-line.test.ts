// renkei's LINE contracts against the LINE SDK's generated types (from LINE's OpenAPI): the
// compiler refuses this file if a message renkei can build is not a message LINE accepts, if an
// event renkei's webhook schemas read is not an event LINE's SDK describes, or if the LINE
// emulator sends an event, accepts a message or answers a push in a shape the SDK does not have.

import { strict as assert } from 'node:assert';
import type { messagingApi, webhook } from '@line/bot-sdk';
import type { z } from 'zod';
import type { followEvent, lineEventBase, postbackEvent, unfollowEvent } from '../../api/schemas/line-webhook';
import type { LineWebhookBody, LineWebhookEvent } from '../../emulators/line/webhook-event';
import type { ErrorDetail as EmulatorErrorDetail } from '../../emulators/line/errors';
import type { PushBody as EmulatorPushBody, PushMessage as EmulatorPushMessage } from '../../emulators/line/message-schema';
import type { SentMessage as EmulatorSentMessage } from '../../emulators/line/push-log';
import type { LineMessage } from '../../providers/line/messaging-client';

/** Compiles only when T is assignable to U. */
type AssignableTo<T extends U, U> = T;
type PushBody = { to: string; messages: LineMessage[] };

export type MessagesAreLineMessages = AssignableTo<LineMessage, messagingApi.Message>;
export type PushBodyIsPushMessageRequest = AssignableTo<PushBody, messagingApi.PushMessageRequest>;

export type EventBaseIsSdkEventBase = AssignableTo<z.output<typeof lineEventBase>, webhook.EventBase>;
export type FollowIsSdkFollow = AssignableTo<z.output<typeof followEvent>, webhook.FollowEvent>;
export type UnfollowIsSdkUnfollow = AssignableTo<z.output<typeof unfollowEvent>, webhook.UnfollowEvent>;
export type PostbackIsSdkPostback = AssignableTo<z.output<typeof postbackEvent>, webhook.PostbackEvent>;

export type EmulatorEventsAreSdkEvents = AssignableTo<LineWebhookEvent, webhook.Event>;
export type EmulatorBodyIsSdkCallbackRequest = AssignableTo<LineWebhookBody, webhook.CallbackRequest>;
export type EmulatorAcceptsOnlySdkMessages = AssignableTo<EmulatorPushMessage, messagingApi.Message>;
export type EmulatorAcceptsOnlySdkPushRequests = AssignableTo<EmulatorPushBody, messagingApi.PushMessageRequest>;
export type EmulatorPushAnswerIsSdkResponse = AssignableTo<{ sentMessages: EmulatorSentMessage[] }, messagingApi.PushMessageResponse>;
export type EmulatorErrorDetailIsSdkErrorDetail = AssignableTo<EmulatorErrorDetail, messagingApi.ErrorDetail>;

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

// The freee emulator's webhook delivery: event shape, x-freee-token, overrides, recording.

import { strict as assert } from 'node:assert';
import { EmulatorControl, EmulatorControlError, freeeEvent, startEmulators, type RunningEmulators } from '../../emulators';
import { useHttpReceiver } from '../support/http-receiver';

describe('freee emulator webhooks', () => {
  let emulators: RunningEmulators;
  let control: EmulatorControl;
  // renkei's webhook endpoint: accepts only the configured verification token.
  const receiver = useHttpReceiver('/webhooks/freee', (request) => {
    const ok = request.headers['x-freee-token'] === 'verify-me';
    return { status: ok ? 200 : 401, json: { ok } };
  });
  const received = receiver.received;

  before(async () => {
    emulators = await startEmulators();
    control = new EmulatorControl(emulators.urls.freee);
  });

  after(async () => {
    await emulators.stop();
  });

  beforeEach(async () => {
    await control.reset();
    await control.configureFreeeWebhook({ targetUrl: receiver.url, verificationToken: 'verify-me' });
  });

  it('builds realistic events', () => {
    const event = freeeEvent({ resource: 'accounting:expense_application', expense_application: { company_id: 123 } });
    assert.equal(typeof event.id, 'string');
    assert.equal(typeof event.application_id, 'number');
    assert.match(event.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    assert.equal(event.action, 'created');
    assert.equal(event.expense_application?.company_id, 123);
    assert.equal(typeof event.expense_application?.applicant_id, 'number');
    assert.equal(event.approval_request, undefined);
    assert.equal(freeeEvent({ payment_request: { status: 'approved' } }).resource, 'accounting:payment_request');
  });

  it('POSTs the event as JSON with x-freee-token and returns what the receiver answered', async () => {
    const event = control.freeeEvent({ action: 'updated', approval_request: { status: 'approved', approval_action: 'approve' } });
    const result = await control.deliverFreeeWebhook({ event });
    assert.deepEqual(result, { status: 200, body: { ok: true } });

    assert.equal(received.length, 1);
    assert.equal(received[0]?.headers['x-freee-token'], 'verify-me');
    assert.equal(received[0]?.headers['content-type'], 'application/json');
    assert.equal(received[0]?.body, JSON.stringify(event));

    const deliveries = await control.freeeDeliveries();
    assert.equal(deliveries.length, 1);
    assert.equal(deliveries[0]?.status, 200);
    assert.equal(deliveries[0]?.targetUrl, receiver.url);
  });

  it('sends a wrong token or a malformed body on request', async () => {
    const wrong = await control.deliverFreeeWebhook({ event: freeeEvent(), tokenOverride: 'forged' });
    assert.equal(wrong.status, 401);
    assert.equal(received[0]?.headers['x-freee-token'], 'forged');

    const raw = await control.deliverFreeeWebhook({ rawBody: '{"id": ' });
    assert.equal(raw.status, 200);
    assert.equal(received[1]?.body, '{"id": ');
  });

  it('reports an unreachable receiver instead of failing', async () => {
    await control.configureFreeeWebhook({ targetUrl: 'http://127.0.0.1:1/nowhere', verificationToken: 't' });
    const result = await control.deliverFreeeWebhook({ event: freeeEvent() });
    assert.equal(result.status, null);
    assert.equal(typeof result.error, 'string');
  });

  it('refuses events that are not shaped like freee events, and delivery before configuration', async () => {
    const event = freeeEvent();
    await assert.rejects(
      control.deliverFreeeWebhook({ event: { ...event, resource: 'accounting:deal' } as unknown as typeof event }),
      (error: unknown) => error instanceof EmulatorControlError && error.status === 400,
    );
    const { approval_request: _dropped, ...withoutObject } = event;
    await assert.rejects(
      control.deliverFreeeWebhook({ event: withoutObject }),
      (error: unknown) => error instanceof EmulatorControlError && error.status === 400,
    );
    await control.reset();
    await assert.rejects(
      control.deliverFreeeWebhook({ event }),
      (error: unknown) => error instanceof EmulatorControlError && error.status === 409,
    );
    assert.equal(received.length, 0);
  });
});

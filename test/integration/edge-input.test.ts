// Bad input at the API's edge gets a clear 4xx and changes nothing, never a 5xx: a product event
// whose URL is no URL, a LINE event without a type, a malformed `%` in a cookie, a fixated binding
// cookie, OAuth states with multibyte characters, non-form bodies on the signed-in forms, a code
// from another sign-in, impossible calendar dates and IDs that are not well-formed Unicode.
import { strict as assert } from 'node:assert';
import { randomBytes, randomInt } from 'node:crypto';
import { notificationWorkflowId, orderWorkflowId } from '../../common/ids';
import { startTestApi, type TestApi } from '../support/api-server';
import { signedHeaders, webSessionCookie, webSessionFor, type SignedSender } from '../support/signed-requests';
import { stack, uniqueTaskQueue } from '../support/stack';

describe('the API edge refuses bad input with a 4xx and changes nothing', () => {
  let api: TestApi;

  before(async () => {
    api = await startTestApi(uniqueTaskQueue('edge'));
  });
  after(async () => api.close());

  const send = (path: string, init: RequestInit = {}) => fetch(`${api.url}${path}`, { redirect: 'manual', ...init });
  const signed = (sender: SignedSender, path: string, payload: unknown) => {
    const body = JSON.stringify(payload);
    return send(path, { method: 'POST', body, headers: signedHeaders(sender, body) });
  };
  const notFound = async (workflowId: string): Promise<void> => {
    await assert.rejects(stack().env.client.workflow.getHandle(workflowId).describe(), /not found/i, `${workflowId} was started`);
  };

  const productEvent = (over: Record<string, unknown> = {}) => ({
    id: String(randomInt(1, 1e9)),
    product: 'hr',
    type: 'request.approved',
    company_id: 1,
    user_ids: [1],
    title: '申請が承認されました',
    url: 'https://secure.freee.co.jp/hr/requests/1',
    occurred_at: '2026-11-22T10:00:00+09:00',
    ...over,
  });

  it('answers a product event whose url is not a URL with 400, starting nothing', async () => {
    for (const url of ['not a url', 'https://', '%%%', '']) {
      const e = productEvent({ url });
      const res = await signed('freee-products', '/events/freee-products', e);
      assert.equal(res.status, 400, url);
      await notFound(notificationWorkflowId('freee', `hr-${e.id}`));
    }
  });

  it('answers a correctly signed LINE batch 200 and ignores, counted, the events it cannot read (type "")', async () => {
    const event = (over: Record<string, unknown>) => ({ webhookEventId: `01${randomBytes(12).toString('hex')}`, timestamp: Date.now(), source: { type: 'user', userId: 'U1' }, mode: 'active', ...over });
    const res = await signed('line', '/webhooks/line', {
      destination: 'U0',
      events: [event({ type: '' }), event({ type: 'follow', webhookEventId: '\ud800' }), event({ type: 'x'.repeat(65) }), 42, null],
    });
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { events: string[] }).events, ['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
  });

  it('reads a cookie with a malformed % as no cookie', async () => {
    for (const path of ['/settings/notifications', '/partner/login', '/auth/freee/login', '/partner', '/notifications/freee/1']) {
      const res = await send(path, { headers: { cookie: 'renkei_lang=%E0%A4%A; renkei_session=%; renkei_partner=%ZZ; renkei_bind=%' } });
      assert.ok(res.status < 500, `${path}: ${res.status}`);
    }
  });

  it('never adopts a binding cookie it did not issue: the browser gets one of the server’s', async () => {
    const planted = randomBytes(32).toString('base64url');
    const res = await send('/auth/freee/login', { headers: { cookie: `renkei_bind=${planted}` } });
    assert.equal(res.status, 303);
    const bind = res.headers.getSetCookie().find((c) => c.startsWith('renkei_bind='));
    assert.ok(bind, 'a binding cookie is issued');
    assert.ok(!bind.includes(planted), 'the planted value is not adopted');
    // The issued value is adopted on the next flow (no new cookie).
    const issued = bind.split(';')[0] ?? '';
    const again = await send('/auth/freee/login', { headers: { cookie: issued } });
    assert.equal(again.headers.getSetCookie().find((c) => c.startsWith('renkei_bind=')), undefined);
  });

  it('answers OAuth states signed with multibyte characters with a 4xx page on every route that consumes one', async () => {
    const state = encodeURIComponent(`${'あ'.repeat(32)}.${'い'.repeat(22)}`);
    const session = await webSessionCookie(webSessionFor({ freeeUserId: '1', companyId: '1' }));
    const gets = [
      `/auth/freee/callback?state=${state}&code=x`,
      `/link/start?ticket=${state}`,
      `/link/consent?s=${state}`,
      `/auth/lineworks/login?s=${state}`,
      `/auth/lineworks/callback?state=${state}&code=x`,
      `/auth/line/callback?state=${state}&code=x`,
    ];
    for (const path of gets) {
      const res = await send(path, { headers: { cookie: session } });
      assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status}`);
      assert.match(res.headers.get('content-type') ?? '', /html/, path);
    }
    const res = await send('/link/consent', { method: 'POST', headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' }, body: `s=${state}&csrf=x` });
    assert.ok(res.status >= 400 && res.status < 500, `POST /link/consent: ${res.status}`);
  });

  it('answers a non-form body on the signed-in forms with the 4xx error page', async () => {
    const session = await webSessionCookie(webSessionFor({ freeeUserId: '1', companyId: '1', role: 'admin' }));
    const bodies: Array<[string, string | Buffer]> = [
      ['application/json', '{"csrf":"x","domain_id":"d"}'],
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', `csrf=${'x'.repeat(20_000)}`],
      ['application/x-www-form-urlencoded; charset=shift_jis', 'csrf=x'],
      ['application/octet-stream', randomBytes(64)],
    ];
    for (const path of ['/lineworks/admin/connect', '/lineworks/admin/add', '/link/consent', '/partner/login', '/partner/register', '/partner/register/basic-info']) {
      for (const [type, body] of bodies) {
        const res = await send(path, { method: 'POST', headers: { cookie: session, 'content-type': type }, body });
        assert.ok(res.status >= 400 && res.status < 500, `${path} ${type}: ${res.status}`);
        assert.match(res.headers.get('content-type') ?? '', /html/, `${path} ${type}`);
      }
    }
  });

  it('answers a code freee refuses (from another sign-in) with a 400 page and the seed’s message', async () => {
    const login = await send('/auth/freee/login');
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const res = await send(`/auth/freee/callback?state=${encodeURIComponent(state)}&code=${randomBytes(16).toString('hex')}`, { headers: { cookie } });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /freeeの認証に失敗しました。/);
  });

  it('refuses impossible calendar dates and IDs that are not well-formed Unicode, starting nothing', async () => {
    const order = (over: Record<string, unknown>, data: Record<string, unknown> = {}) => ({
      eventId: `ev-${randomBytes(6).toString('hex')}`,
      type: 'order.created',
      occurredAt: '2026-11-01T10:00:00+09:00',
      companyId: 'c1',
      partnerId: 'p1',
      orderId: `o-${randomBytes(6).toString('hex')}`,
      data: { orderNumber: 'PO-1', title: 'LP制作', amountYen: 1000, workPeriod: { from: '2026-11-01', to: '2026-11-30' }, closingDate: '2026-11-30', ...data },
      ...over,
    });
    const bad = [
      order({}, { closingDate: '2026-13-45' }),
      order({}, { closingDate: '2026-02-31' }),
      order({}, { workPeriod: { from: '9999-99-99', to: '2026-11-30' } }),
      order({ occurredAt: '2026-02-30T10:00:00+09:00' }),
      order({ eventId: 'ev-\ud800' }),
      order({}, { title: 'LP\udfff制作' }),
    ];
    for (const e of bad) {
      const res = await signed('lansmart', '/events/lansmart', e);
      assert.equal(res.status, 400, JSON.stringify(e));
      await notFound(orderWorkflowId(e.orderId));
    }
    const product = productEvent({ occurred_at: '2026-02-31T10:00:00+09:00' });
    assert.equal((await signed('freee-products', '/events/freee-products', product)).status, 400);
    await notFound(notificationWorkflowId('freee', `hr-${product.id}`));
    const accounting = { id: `ev${randomInt(1, 1e9)}`, resource: 'accounting:approval_request', action: 'approved', created_at: '2026-13-45T10:00:00+09:00', approval_request: { id: 1, company_id: 1 } };
    assert.equal((await signed('freee', '/webhooks/freee', accounting)).status, 400);
    await notFound(notificationWorkflowId('freee', accounting.id));
  });
});

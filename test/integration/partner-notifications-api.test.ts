// The partner's in-app notifications API through real HTTP: notifications delivered by real order
// workflows (orders created in the platform emulator, signed events to renkei), listed newest first
// with the unread count, paged with `before`/`limit`, marked read with the session's CSRF token —
// and never shown to, nor marked by, another partner. Bad input is a 4xx that changes nothing.
import { strict as assert } from 'node:assert';
import type { PartnerSession } from '../../api/web/session';
import { InAppNotification } from '../../models/inapp-notification';
import { startTestApi, type TestApi } from '../support/api-server';
import { partnerCookieHeader, partnerSessionFor, testPartnerSessions } from '../support/partner-session';
import { createPlatformOrder, inAppOf, seedPartner, type SeededPartner } from '../support/partners';
import { uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

interface Item {
  id: string;
  kind: string;
  title: string;
  path: string;
  orderId: string | null;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}
interface ListBody {
  unread: number;
  items: Item[];
  nextBefore: string | null;
  csrfToken: string;
}
interface ErrorBody {
  error: { code: string };
}

describe('partner notifications API (in-app channel)', function () {
  this.timeout(180_000);
  let api: TestApi;
  let taskQueue: string;
  let a: SeededPartner;
  let b: SeededPartner;
  let sessionA: PartnerSession;
  let sessionB: PartnerSession;
  const ORDERS_A = 5;

  before(async () => {
    taskQueue = uniqueTaskQueue('partner-notices');
    api = await startTestApi(taskQueue);
    [a, b] = [await seedPartner({ lineOption: false }), await seedPartner({ lineOption: false })];
    sessionA = partnerSessionFor(a);
    sessionB = partnerSessionFor(b);
    // Each order the platform creates is one 「発注書を確認してください」, delivered in-app by its workflow.
    await withWorker(taskQueue, async () => {
      for (let i = 0; i < ORDERS_A; i++) await createPlatformOrder(a, Date.now());
      await createPlatformOrder(b, Date.now());
      await eventually(() => inAppOf(a.partnerId), (n) => n.length === ORDERS_A, `${ORDERS_A} notifications of partner A`);
      await eventually(() => inAppOf(b.partnerId), (n) => n.length === 1, 'one notification of partner B');
    });
  });
  after(async () => api?.close());

  async function get(session: PartnerSession | undefined, query = ''): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${api.url}/api/partner/notifications${query}`, { headers: session ? { cookie: await partnerCookieHeader(session) } : {} });
    return { status: res.status, body: await res.json() };
  }
  async function list(session: PartnerSession, query = ''): Promise<ListBody> {
    const res = await get(session, query);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as ListBody;
  }
  async function markRead(session: PartnerSession | undefined, id: string, csrf?: string): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {};
    if (session) headers.cookie = await partnerCookieHeader(session);
    if (csrf !== undefined) headers['x-csrf-token'] = csrf;
    const res = await fetch(`${api.url}/api/partner/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', headers });
    return { status: res.status, body: await res.json() };
  }
  const codeOf = (body: unknown): string => (body as ErrorBody).error.code;

  it('lists the partner’s notifications newest first with the unread count', async () => {
    const all = await list(sessionA);
    assert.equal(all.unread, ORDERS_A);
    assert.equal(all.items.length, ORDERS_A);
    assert.equal(all.nextBefore, null);
    assert.deepEqual([...new Set(all.items.map((n) => n.kind))], ['order_created']);
    assert.deepEqual([...new Set(all.items.map((n) => n.title))], ['発注書を確認してください']);
    assert.ok(all.items.every((n) => !n.read && n.readAt === null));
    assert.ok(all.items.every((n) => n.orderId !== null && n.path === `/partner/orders/${n.orderId}`));
    const times = all.items.map((n) => Date.parse(n.createdAt));
    assert.deepEqual(times, [...times].sort((x, y) => y - x), 'newest first');
    assert.equal(all.csrfToken, testPartnerSessions().csrfToken(sessionA, 'notifications'));
  });

  it('pages with limit and before: every notification once, in order', async () => {
    const all = (await list(sessionA)).items.map((n) => n.id);
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page: ListBody = await list(sessionA, `?limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`);
      assert.ok(page.items.length <= 2);
      assert.equal(page.unread, ORDERS_A, 'the unread count is the partner’s, not the page’s');
      seen.push(...page.items.map((n) => n.id));
      before = page.nextBefore;
      pages++;
    } while (before && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, all);
  });

  it('refuses a bad limit or cursor with 400, and no session with 401', async () => {
    for (const q of ['?limit=0', '?limit=101', '?limit=abc', '?before=yesterday', '?before=123']) {
      const res = await get(sessionA, q);
      assert.equal(res.status, 400, q);
      assert.equal(codeOf(res.body), 'invalid_query');
    }
    const anonymous = await get(undefined);
    assert.equal(anonymous.status, 401);
    assert.equal(codeOf(anonymous.body), 'unauthenticated');
    const forged = await fetch(`${api.url}/api/partner/notifications`, { headers: { cookie: 'renkei_partner=not-a-session' } });
    assert.equal(forged.status, 401);
  });

  it('marks one read with the session’s CSRF token, once; the unread count follows', async () => {
    const { items, csrfToken } = await list(sessionA);
    const target = items[items.length - 1];
    assert.ok(target);
    const noToken = await markRead(sessionA, target.id);
    assert.equal(noToken.status, 403);
    assert.equal(codeOf(noToken.body), 'invalid_csrf_token');
    const othersToken = await markRead(sessionA, target.id, testPartnerSessions().csrfToken(sessionB, 'notifications'));
    assert.equal(othersToken.status, 403);
    assert.equal((await list(sessionA)).unread, ORDERS_A, 'refused: nothing changed');

    const first = await markRead(sessionA, target.id, csrfToken);
    assert.equal(first.status, 200);
    const firstBody = first.body as { id: string; read: boolean; readAt: string; unread: number };
    assert.equal(firstBody.id, target.id);
    assert.equal(firstBody.read, true);
    assert.equal(firstBody.unread, ORDERS_A - 1);
    const again = await markRead(sessionA, target.id, csrfToken);
    assert.equal(again.status, 200);
    assert.equal((again.body as { readAt: string }).readAt, firstBody.readAt, 'read once: the first read time stays');
    assert.equal((again.body as { unread: number }).unread, ORDERS_A - 1);

    const after = await list(sessionA);
    assert.equal(after.unread, ORDERS_A - 1);
    assert.deepEqual(after.items.filter((n) => n.read).map((n) => n.id), [target.id]);
  });

  it('another partner can neither list nor mark them', async () => {
    const mine = await list(sessionB);
    assert.equal(mine.items.length, 1);
    assert.equal(mine.unread, 1);
    const aIds = new Set((await list(sessionA)).items.map((n) => n.id));
    assert.ok(mine.items.every((n) => !aIds.has(n.id)), 'B sees none of A’s notifications');

    const unreadOfA = (await list(sessionA)).items.find((n) => !n.read);
    assert.ok(unreadOfA);
    const res = await markRead(sessionB, unreadOfA.id, mine.csrfToken);
    assert.equal(res.status, 404);
    assert.equal(codeOf(res.body), 'not_found');
    const doc = await InAppNotification.findById(unreadOfA.id).lean();
    assert.equal(doc?.readAt, undefined, 'A’s notification is still unread');
    assert.equal((await list(sessionB)).unread, 1);

    const unknown = await markRead(sessionA, 'order:nope:order_created:0:inapp', (await list(sessionA)).csrfToken);
    assert.equal(unknown.status, 404);
    const malformed = await markRead(sessionA, 'bad id with spaces', (await list(sessionA)).csrfToken);
    assert.equal(malformed.status, 404);
  });
});

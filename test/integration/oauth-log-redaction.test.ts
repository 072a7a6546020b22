// The API's logs never hold an OAuth code, state, token or single-use ticket: not in the logged URL
// or query of a callback, not in the redirect that sends the state to the provider, not in the
// Referer of the next page, not in an error logged while the callback fails. The rest of the URL
// is kept, so an operator still sees which callback was hit.
import { strict as assert } from 'node:assert';
import { createLogger } from '../../observability/logger';
import { startTestApi, type TestApi } from '../support/api-server';
import { uniqueTaskQueue } from '../support/stack';
import { eventually } from '../support/wait';

interface LogLine {
  msg?: string;
  req?: { url?: string };
}

describe('OAuth secrets in the API logs', () => {
  let api: TestApi;
  const lines: string[] = [];
  before(async () => {
    api = await startTestApi(uniqueTaskQueue('logs'), { log: createLogger('renkei-api-test', 'debug', { write: (line: string) => lines.push(line) }) });
  });
  after(async () => api.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { redirect: 'manual', headers });
  const logged = (): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine);
  // pino-http's line at the end of each request ("request errored" for a 5xx answer).
  const finished = (l: LogLine): boolean => l.msg === 'request completed' || l.msg === 'request errored';
  const completed = (pathPrefix: string) => () => Promise.resolve(logged().filter((l) => l.req?.url?.startsWith(pathPrefix) && finished(l)).length);

  it('logs the callback paths and other parameters, never the code, state, tokens or tickets', async () => {
    // A real state: the freee sign-in sends it to freee in the Location and binds it with a cookie.
    const login = await get('/auth/freee/login?return_to=%2Fsettings%2Fnotifications');
    assert.equal(login.status, 303);
    const authorize = new URL(login.headers.get('location') ?? '');
    const realState = authorize.searchParams.get('state') ?? '';
    assert.ok(realState.length > 20, 'the sign-in issued a state');
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    // freee refuses the code (invalid_grant, the person's to retry): the failure is logged (with its request) and the page says so.
    const refused = await get(`/auth/freee/callback?code=SECRETCODE&state=${encodeURIComponent(realState)}`, { cookie });
    assert.equal(refused.status, 400);
    // A callback whose state is unknown, and the other providers' callbacks.
    assert.equal((await get('/auth/freee/callback?code=SECRETCODE&state=SECRETSTATE')).status, 400);
    assert.equal((await get('/auth/lineworks/callback?code=SECRETCODE&state=SECRETSTATE')).status, 400);
    const line = await get('/auth/line/callback?code=SECRETCODE&state=SECRETSTATE&friendship_status_changed=true&id_token=SECRETIDTOKEN&access_token=SECRETACCESSTOKEN');
    assert.ok(line.status >= 300 && line.status < 500, `LINE callback answered ${line.status}`);
    // A single-use ID-link ticket, and a page opened from the callback page (its Referer names the callback URL).
    assert.equal((await get('/link/start?ticket=SECRETTICKET')).status, 400);
    await get('/healthz?code=SECRETCODE');
    await get('/settings/notifications', { referer: `${api.url}/auth/freee/callback?code=SECRETCODE&state=SECRETSTATE` });

    await eventually(completed('/auth/freee/callback'), (n) => n === 2, 'both freee callbacks to be logged');
    await eventually(completed('/settings/notifications'), (n) => n === 1, 'the page opened from the callback to be logged');
    for (const prefix of ['/auth/freee/login', '/auth/lineworks/callback', '/auth/line/callback', '/link/start']) {
      await eventually(completed(prefix), (n) => n === 1, `${prefix} to be logged`);
    }

    const all = lines.join('\n');
    for (const secret of ['SECRETCODE', 'SECRETSTATE', 'SECRETIDTOKEN', 'SECRETACCESSTOKEN', 'SECRETTICKET', realState, encodeURIComponent(realState), realState.split('.')[0] ?? realState]) {
      assert.ok(!all.includes(secret), `${secret} leaked into the API log`);
    }
    const urls = logged().flatMap((l) => (l.req?.url ? [l.req.url] : []));
    assert.ok(urls.includes('/auth/freee/callback?code=[redacted]&state=[redacted]'), JSON.stringify(urls));
    assert.ok(urls.includes('/auth/lineworks/callback?code=[redacted]&state=[redacted]'));
    assert.ok(urls.includes('/auth/line/callback?code=[redacted]&state=[redacted]&friendship_status_changed=true&id_token=[redacted]&access_token=[redacted]'));
    assert.ok(urls.includes('/auth/freee/login?return_to=%2Fsettings%2Fnotifications'), 'harmless parameters are kept as they were');
    // The error logged while the callback failed carries the redacted request too.
    const failure = logged().find((l) => l.msg === 'freee sign-in failed');
    assert.equal(failure?.req?.url, '/auth/freee/callback?code=[redacted]&state=[redacted]');
    // The redirect to freee is logged with its other parameters (client_id, redirect_uri, …).
    assert.ok(all.includes('client_id='), 'the Location keeps its other parameters');
  });
});

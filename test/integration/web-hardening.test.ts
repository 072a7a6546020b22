// What protects the people-facing pages beyond their flows, over real HTTP against the real app:
// security headers on pages and on JSON answers, the pages' stylesheets served by renkei, sign-out
// accepted only from renkei's own pages with the session's CSRF token (freee and partner), and an
// OAuth state that keeps no PKCE verifier once a sign-in has used it.
import { strict as assert } from 'node:assert';
import { BrowserClient } from '../../emulators/browser-client';
import { OAuthState } from '../../models/oauth-state';
import { Sessions, type WebSession } from '../../api/web/session';
import { startTestApi, type TestApi } from '../support/api-server';
import { partnerCookieHeader, partnerSessionFor, testPartnerSessions } from '../support/partner-session';
import { seedPeople, type People } from '../support/people';
import { stack, uniqueTaskQueue } from '../support/stack';

const EVIL = 'http://evil.example';

describe('web hardening: headers, sign-out, used OAuth states', () => {
  let api: TestApi;
  let people: People;
  before(async () => {
    api = await startTestApi(uniqueTaskQueue('hardening'));
    people = await seedPeople();
  });
  after(async () => api.close());

  const directives = (csp: string | null): Map<string, string> =>
    new Map((csp ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0] ?? '', d.slice(d.indexOf(' ') + 1)]));

  it('pages get a CSP without inline script or style, no framing, nosniff and a same-origin Referrer-Policy; no HSTS over http', async () => {
    const page = await fetch(`${api.url}/partner/login`);
    assert.equal(page.status, 200);
    const csp = directives(page.headers.get('content-security-policy'));
    assert.equal(csp.get('script-src'), "'self'");
    assert.equal(csp.get('style-src'), "'self'");
    assert.equal(csp.get('frame-ancestors'), "'none'");
    assert.equal(csp.get('default-src'), "'none'");
    assert.ok(csp.get('form-action')?.split(' ').includes(new URL(stack().urls.line).origin), 'a form may lead to LINE Login');
    assert.doesNotMatch(page.headers.get('content-security-policy') ?? '', /unsafe-inline|unsafe-eval/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('referrer-policy'), 'same-origin');
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(page.headers.get('strict-transport-security'), null, 'no HSTS on http');
    const html = await page.text();
    assert.doesNotMatch(html, /<script|<style|\sstyle=|\son[a-z]+=/i, 'nothing inline the CSP would block');

    // Its stylesheets come from renkei, cached long under their content's version.
    const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(hrefs.length >= 2, `stylesheets linked: ${hrefs.join(', ')}`);
    for (const href of hrefs) {
      const css = await fetch(`${api.url}${href.replace(/&amp;/g, '&')}`);
      assert.equal(css.status, 200, href);
      assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
      assert.match(css.headers.get('cache-control') ?? '', /max-age=31536000/);
      assert.ok((await css.text()).length > 100);
    }
    assert.equal((await fetch(`${api.url}/assets/nope.css`)).status, 404);
  });

  it('JSON answers and webhooks get the safe subset: nosniff, no framing, a CSP that allows nothing', async () => {
    for (const res of [await fetch(`${api.url}/healthz`), await fetch(`${api.url}/webhooks/freee`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })]) {
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'same-origin');
      const csp = directives(res.headers.get('content-security-policy'));
      assert.equal(csp.get('default-src'), "'none'");
      assert.equal(csp.get('frame-ancestors'), "'none'");
    }
  });

  it('/metrics refuses a request without the metrics token', async () => {
    assert.equal((await fetch(`${api.url}/metrics`)).status, 401);
    const ok = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${stack().secrets.metricsToken}` } });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /renkei_http_request_duration_seconds/);
  });

  it('a completed freee sign-in leaves its state without verifier; sign-out only from renkei’s pages with the CSRF token', async () => {
    let stateValue = '';
    const browser = new BrowserClient({
      stopAt: (url) => {
        if (url.pathname === '/public_api/authorize' && !stateValue) {
          stateValue = url.searchParams.get('state') ?? '';
          return true;
        }
        return false;
      },
    });
    const toFreee = await browser.get(`${api.url}/auth/freee/login`);
    assert.ok(toFreee.location && stateValue, 'the sign-in sent a state to freee');
    const stateId = stateValue.split('.')[0] ?? '';
    const issued = await OAuthState.findById(stateId).lean();
    assert.ok(issued?.codeVerifier, 'a live state holds its verifier');

    const login = await browser.get(toFreee.location);
    const consent = await browser.submit(login, { set: { email: people.admin.email, password: 'password' } });
    const settings = await browser.submit(consent, { add: [['decision', 'allow']] });
    assert.equal(settings.status, 200, settings.html.slice(0, 300));
    assert.equal(new URL(settings.url).pathname, '/settings/notifications');

    const used = await OAuthState.findById(stateId).lean();
    assert.ok(used?.usedAt, 'the state is marked used');
    assert.equal(used.codeVerifier, undefined, 'the used state holds no PKCE verifier');
    assert.ok(used.binding, 'the browser binding stays for double-click detection');
    // Used again (a double click on the callback): refused, not signed in twice.
    const again = await fetch(`${api.url}/auth/freee/callback?code=x&state=${encodeURIComponent(stateValue)}`, { redirect: 'manual' });
    assert.equal(again.status, 400);

    const cookieValue = browser.cookies('127.0.0.1').renkei_session ?? '';
    assert.ok(cookieValue, 'signed in');
    const cookie = `renkei_session=${cookieValue}`;
    const claims = JSON.parse(Buffer.from(cookieValue.split('.')[1] ?? '', 'base64url').toString('utf8')) as WebSession;
    const csrf = new Sessions(stack().secrets.sessionSecret, { secure: false }).csrfToken(claims, 'logout');
    const logout = (headers: Record<string, string>, body = '') =>
      fetch(`${api.url}/auth/logout`, { method: 'POST', redirect: 'manual', body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    const signedOut = (res: Response): boolean => res.headers.getSetCookie().some((c) => c.startsWith('renkei_session=;'));

    // Another site's form, even with a valid token, and a same-origin post without one: refused.
    for (const res of [
      await logout({ origin: EVIL }, `csrf=${csrf}`),
      await logout({ 'sec-fetch-site': 'cross-site', origin: EVIL }, `csrf=${csrf}`),
      await logout({ 'sec-fetch-site': 'same-site' }, `csrf=${csrf}`),
      await logout({ origin: api.url }),
      await logout({ 'sec-fetch-site': 'same-origin' }, 'csrf=wrong'),
    ]) {
      assert.equal(res.status, 403);
      assert.ok(!signedOut(res), 'the session is kept');
    }
    const stillIn = await fetch(`${api.url}/settings/notifications`, { redirect: 'manual', headers: { cookie } });
    assert.equal(stillIn.status, 200, 'still signed in');

    const ok = await logout({ 'sec-fetch-site': 'same-origin', origin: api.url }, `csrf=${csrf}`);
    assert.equal(ok.status, 303);
    assert.ok(signedOut(ok), 'renkei’s own sign-out form ends the session');
  });

  it('partner sign-out from another site is refused even with the session’s CSRF token', async () => {
    const session = partnerSessionFor({ partnerId: 'p-hardening', companyId: 'c-hardening' });
    const cookie = await partnerCookieHeader(session);
    const csrf = testPartnerSessions().csrfToken(session, 'logout');
    const logout = (headers: Record<string, string>) =>
      fetch(`${api.url}/partner/logout`, { method: 'POST', redirect: 'manual', body: `csrf=${csrf}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    const signedOut = (res: Response): boolean => res.headers.getSetCookie().some((c) => c.startsWith('renkei_partner=;'));

    const cross = await logout({ origin: EVIL, 'sec-fetch-site': 'cross-site' });
    assert.ok(!signedOut(cross), 'a cross-site post does not end the session');
    assert.notEqual(cross.headers.get('location'), '/partner/login?logged_out=1');
    const own = await logout({ origin: api.url, 'sec-fetch-site': 'same-origin' });
    assert.equal(own.status, 303);
    assert.equal(own.headers.get('location'), '/partner/login?logged_out=1');
    assert.ok(signedOut(own));
  });
});

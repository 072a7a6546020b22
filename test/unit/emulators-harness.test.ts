// The shared emulator harness: the path-pattern rule, fault bookkeeping, the rate limiter, and
// the control routes' input validation.

import { strict as assert } from 'node:assert';
import { EmulatorControl, EmulatorControlError, startEmulators } from '../../emulators';
import { faultSpecSchema } from '../../emulators/harness/fault-spec';
import { FaultInjector } from '../../emulators/harness/faults';
import { matchesPathPattern } from '../../emulators/harness/path-pattern';
import { html, htmlToString, safeHref } from '../../api/pages/html';
import { firstMultipartFile } from '../../emulators/harness/multipart';
import { FixedWindowRateLimiter } from '../../emulators/harness/rate-limiter';

describe('emulator harness', () => {
  it('matches paths by whole-segment prefix, with :param and * wildcards and a $ anchor', () => {
    const messages = '/v1.0/bots/b1/users/u1/messages';
    assert.ok(matchesPathPattern('/v1.0', messages));
    assert.ok(matchesPathPattern('/v1.0/bots', messages));
    assert.ok(matchesPathPattern('/v1.0/bots/:botId/users/:userId/messages', messages));
    assert.ok(matchesPathPattern('/v1.0/bots/*/users/*/messages$', messages));
    assert.ok(!matchesPathPattern('/v1.0/bo', messages));
    assert.ok(!matchesPathPattern('/v1.0/bots/:botId$', messages));
    assert.ok(!matchesPathPattern('/v1.0/bots/b2', messages));
    assert.ok(matchesPathPattern('/', messages));
  });

  it('spends faults in registration order and forgets them when used up', () => {
    const faults = new FaultInjector();
    faults.add(faultSpecSchema.parse({ method: 'post', path: '/a', status: 500, times: 2 }));
    faults.add(faultSpecSchema.parse({ path: '/a', status: 429 }));
    assert.equal(faults.take('GET', '/a')?.status, 429);
    assert.equal(faults.take('POST', '/a/b')?.status, 500);
    assert.equal(faults.take('POST', '/a')?.status, 500);
    assert.equal(faults.take('POST', '/a'), undefined);
    assert.deepEqual(faults.list(), []);
  });

  it('counts a fixed one-minute window per key', () => {
    let now = 0;
    const limiter = new FixedWindowRateLimiter(60_000, () => now);
    assert.ok(limiter.take('t1', 2).allowed);
    assert.ok(limiter.take('t1', 2).allowed);
    assert.ok(limiter.take('t2', 2).allowed);
    now = 15_000;
    assert.deepEqual(limiter.take('t1', 2), { allowed: false, retryAfterSeconds: 45 });
    now = 60_000;
    assert.ok(limiter.take('t1', 2).allowed);
  });

  it('escapes every interpolated value in pages and links only http(s) URLs', () => {
    const evil = '"><script>alert(`x`)</script>&\'';
    const markup = htmlToString(html`<a title="${evil}">${[evil, 1, null, false]}</a>${html`<b>${evil}</b>`}`);
    assert.equal(
      markup,
      '<a title="&quot;&gt;&lt;script&gt;alert(&#96;x&#96;)&lt;/script&gt;&amp;&#39;">&quot;&gt;&lt;script&gt;alert(&#96;x&#96;)&lt;/script&gt;&amp;&#39;1</a>' +
        '<b>&quot;&gt;&lt;script&gt;alert(&#96;x&#96;)&lt;/script&gt;&amp;&#39;</b>',
    );
    assert.equal(safeHref('javascript:alert(1)'), undefined);
    assert.equal(safeHref('//evil.example/x'), undefined);
    assert.equal(safeHref('/talk?bot=1'), '/talk?bot=1');
    assert.equal(safeHref('https://renkei.example/a b'), 'https://renkei.example/a%20b');
  });

  it('reads the file part of a multipart body', () => {
    const body = Buffer.from(
      '--XyZ\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n' +
        '--XyZ\r\nContent-Disposition: form-data; name="Filedata"; filename="menu.png"\r\nContent-Type: image/png\r\n\r\n\u0001\u0002\r\n--XyZ--\r\n',
      'latin1',
    );
    const part = firstMultipartFile('multipart/form-data; boundary=XyZ', body);
    assert.equal(part?.fieldName, 'Filedata');
    assert.equal(part?.fileName, 'menu.png');
    assert.equal(part?.contentType, 'image/png');
    assert.deepEqual([...(part?.data ?? [])], [1, 2]);
    assert.equal(firstMultipartFile('application/octet-stream', body), undefined);
  });

  it('validates control inputs and clears everything on reset', async () => {
    const emulators = await startEmulators();
    try {
      const control = new EmulatorControl(emulators.urls.lineworks);
      await assert.rejects(
        control.fault({ path: '/v1.0' }),
        (error: unknown) => error instanceof EmulatorControlError && error.status === 400,
      );
      await control.fault({ path: '/v1.0', status: 500, times: 3 });
      await fetch(`${emulators.urls.lineworks}/v1.0/anything`);
      const [recorded] = await control.requests();
      assert.equal(recorded?.status, 500);
      assert.equal((await control.faults())[0]?.remaining, 2);
      const unfiltered = await fetch(`${emulators.urls.lineworks}/_emulator/requests?method=&path=&afterSeq=`);
      assert.equal(unfiltered.status, 200);
      assert.equal(((await unfiltered.json()) as unknown[]).length, 1);
      const mark = await control.lastRequestSeq();
      assert.equal(mark, recorded?.seq);
      assert.deepEqual(await control.requests({ afterSeq: mark }), []);
      await fetch(`${emulators.urls.lineworks}/v1.0/later`);
      assert.deepEqual((await control.requests({ afterSeq: mark })).map((r) => r.path), ['/v1.0/later']);
      assert.equal((await fetch(`${emulators.urls.lineworks}/_emulator/requests?afterSeq=-1`)).status, 400);

      await control.reset();
      assert.deepEqual(await control.requests(), []);
      assert.deepEqual(await control.faults(), []);
      const unknown = await fetch(`${emulators.urls.lineworks}/v1.0/anything`);
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as { code: string }).code, 'NOT_FOUND');
    } finally {
      await emulators.stop();
    }
  });
});

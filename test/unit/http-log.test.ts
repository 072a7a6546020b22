// The request log's URL redaction: secret query values go, everything else stays as it was.
import { strict as assert } from 'node:assert';
import { httpLogSerializers, redactQuery, redactUrl } from '../../observability/http-log';
import type { SerializedRequest, SerializedResponse } from 'pino';

describe('request log redaction', () => {
  it('replaces the values of OAuth and ticket parameters and keeps the rest byte for byte', () => {
    assert.equal(redactUrl('/auth/freee/callback?code=abc&state=x.y'), '/auth/freee/callback?code=[redacted]&state=[redacted]');
    assert.equal(redactUrl('/a?q=a%20b+c&state=s&x'), '/a?q=a%20b+c&state=[redacted]&x');
    assert.equal(redactUrl('/link/consent?s=abc#frag'), '/link/consent?s=[redacted]#frag');
    assert.equal(redactUrl('/link/page?copy=abc.def&lang=en'), '/link/page?copy=[redacted]&lang=en', 'a page copy may name a consent step');
    assert.equal(redactUrl('/plain/path'), '/plain/path');
    assert.equal(redactUrl('/a?%E0%A4%A=1&code=2'), '/a?%E0%A4%A=[redacted]&code=[redacted]', 'an undecodable name hides its value');
  });

  it('looks one level into URL-valued parameters (return_to)', () => {
    const location = `https://works.example/admin/apps/c/install?return_to=${encodeURIComponent('http://renkei.example/lineworks/admin/installed?state=SECRET')}`;
    const redacted = redactUrl(location);
    assert.ok(!redacted.includes('SECRET'));
    assert.equal(decodeURIComponent(new URL(redacted).searchParams.get('return_to') ?? ''), 'http://renkei.example/lineworks/admin/installed?state=[redacted]');
    assert.deepEqual(redactQuery({ code: 'c', return_to: '/x?ticket=t', list: ['/y?state=s'], n: { state: 's' } }), {
      code: '[redacted]',
      return_to: '/x?ticket=[redacted]',
      list: ['/y?state=[redacted]'],
      n: { state: '[redacted]' },
    });
  });

  it('serializes copies: the Referer and a redirect Location are redacted, the live headers untouched', () => {
    const headers = { referer: 'http://h/auth/line/callback?code=c&state=s', host: 'h' };
    const req = httpLogSerializers.req({ id: '1', method: 'GET', url: '/x?id_token=t', query: { id_token: 't' }, params: {}, headers, remoteAddress: '', remotePort: 0 } as unknown as SerializedRequest);
    assert.deepEqual(req.headers, { referer: 'http://h/auth/line/callback?code=[redacted]&state=[redacted]', host: 'h' });
    assert.equal(req.url, '/x?id_token=[redacted]');
    assert.equal(headers.referer, 'http://h/auth/line/callback?code=c&state=s');
    const res = httpLogSerializers.res({ statusCode: 303, headers: { location: 'https://p/authorize?client_id=a&state=s' } } as unknown as SerializedResponse);
    assert.deepEqual(res.headers, { location: 'https://p/authorize?client_id=a&state=[redacted]' });
  });
});

describe('request log headers', () => {
  it('keeps only allowed request headers: a secret in an unexpected header never reaches the log', () => {
    const headers = {
      host: 'renkei.example',
      'user-agent': 'ua',
      'x-acme-api-key': 'made-up-secret-4711',
      authorization: 'Bearer made-up-secret-4712',
      cookie: 'renkei_session=made-up-secret-4713',
      'x-freee-token': 'made-up-secret-4714',
    };
    const req = httpLogSerializers.req({ id: '1', method: 'POST', url: '/webhooks/freee', query: {}, params: {}, headers, remoteAddress: '', remotePort: 0 } as unknown as SerializedRequest);
    assert.deepEqual(req.headers, { host: 'renkei.example', 'user-agent': 'ua' });
    assert.doesNotMatch(JSON.stringify(req), /made-up-secret/);
  });

  it('keeps no Set-Cookie of an answer', () => {
    const res = httpLogSerializers.res({ statusCode: 303, headers: { 'set-cookie': ['renkei_session=made-up-secret-4715'], 'x-request-id': 'r1' } } as unknown as SerializedResponse);
    assert.deepEqual(res.headers, { 'x-request-id': 'r1' });
  });
});

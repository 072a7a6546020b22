// x-line-signature is checked with the LINE SDK's validateSignature on the raw body.

import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { lineSignatureValid } from '../../api/signatures';

const secret = 'line-channel-secret';
const body = Buffer.from(JSON.stringify({ destination: 'U0', events: [{ type: 'follow', text: 'こんにちは' }] }));
const sign = (b: Buffer, s: string): string => createHmac('sha256', s).update(b).digest('base64');

describe('LINE webhook signature', () => {
  it('accepts the channel secret’s signature of the exact body', () => {
    assert.equal(lineSignatureValid(body, sign(body, secret), secret), true);
  });
  it('refuses another secret, another body, a missing or empty header', () => {
    assert.equal(lineSignatureValid(body, sign(body, 'other'), secret), false);
    assert.equal(lineSignatureValid(Buffer.concat([body, Buffer.from(' ')]), sign(body, secret), secret), false);
    assert.equal(lineSignatureValid(body, undefined, secret), false);
    assert.equal(lineSignatureValid(body, '', secret), false);
    assert.equal(lineSignatureValid(body, 'not base64 at all', secret), false);
  });
});

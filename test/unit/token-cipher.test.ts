// Tokens at rest: sealed with AES-256-GCM, openable after a key rotation, tamper-evident.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { TokenCipher } from '../../security/token-cipher';

const key = (): string => randomBytes(32).toString('base64');

describe('TokenCipher', () => {
  it('round-trips a token and never stores it in clear', () => {
    const cipher = new TokenCipher(`k1:${key()}`);
    const sealed = cipher.seal('access-token-123');
    assert.equal(sealed.kid, 'k1');
    assert.ok(!JSON.stringify(sealed).includes('access-token-123'));
    assert.equal(cipher.open(sealed), 'access-token-123');
  });

  it('uses a fresh IV for every value', () => {
    const cipher = new TokenCipher(`k1:${key()}`);
    assert.notEqual(cipher.seal('same').iv, cipher.seal('same').iv);
  });

  it('opens values sealed with an older key after rotation, and says they need re-sealing', () => {
    const oldKey = key();
    const before = new TokenCipher(`k1:${oldKey}`).seal('t');
    const after = new TokenCipher(`k2:${key()},k1:${oldKey}`);
    assert.equal(after.open(before), 't');
    assert.equal(after.needsRotation(before), true);
    assert.equal(after.needsRotation(after.seal('t')), false);
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new TokenCipher(`k1:${key()}`);
    const sealed = cipher.seal('token');
    const data = Buffer.from(sealed.data, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    assert.throws(() => cipher.open({ ...sealed, data: data.toString('base64') }));
  });

  it('refuses keys that are not 32 bytes', () => {
    assert.throws(() => new TokenCipher('k1:c2hvcnQ='), /32 bytes/);
  });
});

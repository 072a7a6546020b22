// Tokens at rest (DESIGN §4): AES-256-GCM with a random 96-bit IV per value and a key ID, so keys
// can rotate: the first key encrypts, every listed key decrypts. Ciphertexts never enter workflow
// histories or logs; only activities hold plaintext, briefly.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SealedSecret {
  /** Which key sealed it. */
  kid: string;
  iv: string;
  tag: string;
  data: string;
}

export class TokenCipherError extends Error {
  override name = 'TokenCipherError';
}

export class TokenCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKid: string;

  /** @param spec "kid:base64key[,kid:base64key…]", the first one being current. */
  constructor(spec: string) {
    const entries = spec.split(',').map((entry) => {
      const [kid, key] = entry.split(':');
      const buf = Buffer.from(key ?? '', 'base64');
      if (!kid || buf.length !== 32) throw new TokenCipherError('each key must be "kid:base64(32 bytes)"');
      return [kid, buf] as const;
    });
    const first = entries[0];
    if (!first) throw new TokenCipherError('no encryption key configured');
    this.currentKid = first[0];
    this.keys = new Map(entries);
  }

  seal(plaintext: string): SealedSecret {
    const key = this.keys.get(this.currentKid);
    if (!key) throw new TokenCipherError('current key missing');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { kid: this.currentKid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  open(sealed: SealedSecret): string {
    const key = this.keys.get(sealed.kid);
    if (!key) throw new TokenCipherError(`unknown key id ${sealed.kid}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** True when the value was sealed with an older key and should be re-sealed. */
  needsRotation(sealed: SealedSecret): boolean {
    return sealed.kid !== this.currentKid;
  }
}

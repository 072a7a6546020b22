// Tokens at rest (docs/design.md §4): AES-256-GCM with a random 96-bit IV per value and a key ID, so keys
// can rotate: the first key encrypts, every listed key decrypts. Ciphertexts never enter workflow
// histories or logs; only activities hold plaintext, briefly.
import { KeyRing, KeyRingError } from './key-ring';

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
  private readonly ring: KeyRing;

  /** @param spec "kid:base64key[,kid:base64key…]", the first one being current. */
  constructor(spec: string) {
    try {
      this.ring = new KeyRing(spec);
    } catch (err) {
      throw new TokenCipherError(err instanceof KeyRingError ? err.message : String(err));
    }
  }

  seal(plaintext: string): SealedSecret {
    const s = this.ring.seal(Buffer.from(plaintext, 'utf8'));
    return { kid: s.kid, iv: s.iv.toString('base64'), tag: s.tag.toString('base64'), data: s.data.toString('base64') };
  }

  open(sealed: SealedSecret): string {
    if (!this.ring.has(sealed.kid)) throw new TokenCipherError(`unknown key id ${sealed.kid}`);
    const b64 = (v: string): Buffer => Buffer.from(v, 'base64');
    return this.ring.open(sealed.kid, { iv: b64(sealed.iv), tag: b64(sealed.tag), data: b64(sealed.data) }).toString('utf8');
  }

  /** True when the value was sealed with an older key and should be re-sealed. */
  needsRotation(sealed: SealedSecret): boolean {
    return sealed.kid !== this.ring.currentKid;
  }
}

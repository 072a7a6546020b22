// AES-256-GCM keys named by a key ID, so keys can rotate: one current key seals, every listed key
// opens what it sealed. Shared by the token sealing at rest (token-cipher) and the Temporal payload
// codec (payload-codec), which keep their own keys but seal the same way: a random 96-bit IV per
// value and a 128-bit tag.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export class KeyRingError extends Error {
  override name = 'KeyRingError';
}

/** Thrown when a value names a key ID that is not configured (rotated out, or another deployment's). */
export class UnknownKeyIdError extends KeyRingError {
  override name = 'UnknownKeyIdError';
  constructor(readonly kid: string) {
    super(`unknown key id ${kid}: it is not among the configured keys`);
  }
}

export interface SealedBytes {
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

/** Parses "kid:base64(32 bytes)[,kid:…]" into key ID → key, in order. */
export function parseKeySpec(spec: string): Array<[string, Buffer]> {
  const entries = spec.split(',').map((entry): [string, Buffer] => {
    const at = entry.indexOf(':');
    const kid = at > 0 ? entry.slice(0, at).trim() : '';
    const key = Buffer.from(at > 0 ? entry.slice(at + 1).trim() : '', 'base64');
    if (!kid || key.length !== KEY_BYTES) throw new KeyRingError('each key must be "kid:base64(32 bytes)"');
    return [kid, key];
  });
  if (entries.length === 0) throw new KeyRingError('no encryption key configured');
  return entries;
}

/** True when `spec` parses as a key list (for configuration validation). */
export function isKeySpec(spec: string): boolean {
  try {
    parseKeySpec(spec);
    return true;
  } catch {
    return false;
  }
}

export class KeyRing {
  private readonly keys: Map<string, Buffer>;
  readonly currentKid: string;

  /**
   * @param spec "kid:base64key[,kid:base64key…]"
   * @param currentKid the key that seals; the first of `spec` when absent.
   */
  constructor(spec: string, currentKid?: string) {
    const entries = parseKeySpec(spec);
    this.keys = new Map(entries);
    const current = currentKid ?? entries[0]?.[0];
    if (!current || !this.keys.has(current)) throw new KeyRingError(`the current key id ${current ?? ''} is not among the configured keys`);
    this.currentKid = current;
  }

  has(kid: string): boolean {
    return this.keys.has(kid);
  }

  /** Seals with the current key; `aad` is authenticated, not encrypted. */
  seal(plaintext: Uint8Array, aad?: Uint8Array): SealedBytes & { kid: string } {
    const key = this.keys.get(this.currentKid) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    if (aad) cipher.setAAD(aad);
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { kid: this.currentKid, iv, tag: cipher.getAuthTag(), data };
  }

  /** Opens a value sealed with key `kid`; a wrong key, a changed byte or a changed `aad` throws. */
  open(kid: string, sealed: SealedBytes, aad?: Uint8Array): Buffer {
    const key = this.keys.get(kid);
    if (!key) throw new UnknownKeyIdError(kid);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.data), decipher.final()]);
  }
}

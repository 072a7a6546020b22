// Temporal payload encryption: every payload a client or worker sends to the Temporal server —
// workflow and activity arguments and results, signals, updates, queries, memos, static summaries
// — is sealed with AES-256-GCM (security/key-ring) before it leaves the process, so a workflow
// history holds no e-mail, token or user ID in clear. The key ID travels in the payload's metadata:
// the current key seals, every configured key opens (rotation). Search attributes are not payloads
// the codec sees; they carry no personal data (common/search-attributes).
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { IV_BYTES, KeyRing, TAG_BYTES, UnknownKeyIdError } from './key-ring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const text = (b: Uint8Array | null | undefined): string | undefined => (b ? Buffer.from(b).toString('utf8') : undefined);
/** The key ID is authenticated with the ciphertext: a payload relabelled with another ID does not open. */
const aadFor = (kid: string): Uint8Array => utf8(`renkei-payload:${kid}`);

export class PayloadCodecKeyError extends ValueError {
  override name = 'PayloadCodecKeyError';
}

export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly ring: KeyRing) {}

  /** @param keys "kid:base64(32 bytes)[,kid:…]"; @param currentKeyId the key that seals (the first when absent). */
  static fromSpec(keys: string, currentKeyId?: string): EncryptionCodec {
    return new EncryptionCodec(new KeyRing(keys, currentKeyId));
  }

  encode(payloads: Payload[]): Promise<Payload[]> {
    return new Promise((resolve) => resolve(payloads.map((payload) => this.seal(payload))));
  }

  /** Rejects (never returns anything it could not authenticate) when a payload does not open. */
  decode(payloads: Payload[]): Promise<Payload[]> {
    return new Promise((resolve) => resolve(payloads.map((payload) => this.open(payload))));
  }

  /** The whole payload, metadata included, is sealed: its encoding says nothing either. */
  private seal(payload: Payload): Payload {
    const sealed = this.ring.seal(temporal.api.common.v1.Payload.encode(payload).finish(), aadFor(this.ring.currentKid));
    return {
      metadata: { [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING), [METADATA_KEY_ID]: utf8(sealed.kid) },
      data: Buffer.concat([sealed.iv, sealed.data, sealed.tag]),
    };
  }

  private open(payload: Payload): Payload {
    if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
    const kid = text(payload.metadata?.[METADATA_KEY_ID]);
    if (!kid) throw new PayloadCodecKeyError('encrypted payload without a key id');
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError('encrypted payload too short');
    const sealed = { iv: data.subarray(0, IV_BYTES), data: data.subarray(IV_BYTES, data.length - TAG_BYTES), tag: data.subarray(data.length - TAG_BYTES) };
    let clear: Buffer;
    try {
      clear = this.ring.open(kid, sealed, aadFor(kid));
    } catch (err) {
      if (err instanceof UnknownKeyIdError) throw new PayloadCodecKeyError(`payload sealed with key id "${kid}", which is not in TEMPORAL_PAYLOAD_KEYS`);
      throw new ValueError(`encrypted payload does not open with key id "${kid}" (altered, or another key under that id)`);
    }
    return temporal.api.common.v1.Payload.decode(clear);
  }
}

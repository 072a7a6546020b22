// Workflow payloads are sealed before they reach the Temporal server: nothing readable is left,
// a payload sealed with an old key still opens after rotation, and an unknown key ID fails clearly.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { ENCRYPTED_ENCODING, EncryptionCodec, METADATA_KEY_ID, PayloadCodecKeyError } from '../../security/payload-codec';

const key = (): string => randomBytes(32).toString('base64');
const partner = { partnerId: 'p-1', email: 'hanako@partner.example', lineUserId: 'U0123456789abcdef' };
const payloadOf = (v: unknown): Payload => defaultPayloadConverter.toPayload(v);
const valueOf = (p: Payload | undefined): unknown => defaultPayloadConverter.fromPayload(p as Payload);
const bytesOf = (p: Payload): string => Buffer.concat([...Object.values(p.metadata ?? {}).map((v) => Buffer.from(v ?? [])), Buffer.from(p.data ?? [])]).toString('latin1');

describe('payload encryption codec', () => {
  it('seals a payload so neither its data nor its original metadata can be read, and opens it again', async () => {
    const codec = EncryptionCodec.fromSpec(`p1:${key()}`);
    const [sealed] = await codec.encode([payloadOf(partner)]);
    assert.ok(sealed);
    assert.equal(Buffer.from(sealed.metadata?.[METADATA_ENCODING_KEY] ?? []).toString(), ENCRYPTED_ENCODING);
    assert.equal(Buffer.from(sealed.metadata?.[METADATA_KEY_ID] ?? []).toString(), 'p1');
    for (const secret of [partner.email, partner.lineUserId, 'json/plain']) assert.ok(!bytesOf(sealed).includes(secret), secret);
    assert.deepEqual(valueOf((await codec.decode([sealed]))[0]), partner);
  });

  it('uses a fresh IV for every payload', async () => {
    const codec = EncryptionCodec.fromSpec(`p1:${key()}`);
    const [a, b] = await codec.encode([payloadOf('same'), payloadOf('same')]);
    assert.notDeepEqual(Buffer.from(a?.data ?? []), Buffer.from(b?.data ?? []));
  });

  it('opens a payload sealed with an old key after rotation, and seals new ones with the current key', async () => {
    const oldKey = key();
    const [before] = await EncryptionCodec.fromSpec(`p1:${oldKey}`).encode([payloadOf(partner)]);
    const rotated = EncryptionCodec.fromSpec(`p1:${oldKey},p2:${key()}`, 'p2');
    assert.deepEqual(valueOf((await rotated.decode([before as Payload]))[0]), partner);
    const [after] = await rotated.encode([payloadOf(partner)]);
    assert.equal(Buffer.from(after?.metadata?.[METADATA_KEY_ID] ?? []).toString(), 'p2');
  });

  it('fails clearly on a payload sealed with a key ID that is not configured', async () => {
    const [sealed] = await EncryptionCodec.fromSpec(`old:${key()}`).encode([payloadOf(partner)]);
    const other = EncryptionCodec.fromSpec(`p2:${key()}`);
    await assert.rejects(other.decode([sealed as Payload]), (err: unknown) => err instanceof PayloadCodecKeyError && /key id "old".*TEMPORAL_PAYLOAD_KEYS/.test(err.message));
  });

  it('refuses an altered payload or one relabelled with another key ID', async () => {
    const k = key();
    const codec = EncryptionCodec.fromSpec(`p1:${k},p2:${k}`);
    const [sealed] = await codec.encode([payloadOf(partner)]);
    const data = Buffer.from(sealed?.data ?? []);
    data[20] = (data[20] ?? 0) ^ 1;
    await assert.rejects(codec.decode([{ ...sealed, data }]), /does not open/);
    const relabelled = { ...sealed, metadata: { ...sealed?.metadata, [METADATA_KEY_ID]: Buffer.from('p2') } };
    await assert.rejects(codec.decode([relabelled]), /does not open/);
  });

  it('passes through payloads that were never encrypted (histories from before encryption)', async () => {
    const plain = payloadOf({ a: 1 });
    assert.deepEqual(await EncryptionCodec.fromSpec(`p1:${key()}`).decode([plain]), [plain]);
  });
});

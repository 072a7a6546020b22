// The data converter of every Temporal client and worker renkei creates: the default payload
// converter, then the payload encryption codec (security/payload-codec) with the configured keys.
// A process that talks to Temporal without it would write readable payloads, or fail to read them.
import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from '../security/payload-codec';
import type { PayloadCodecConfig } from './index';
import { loadConfig } from './load';
import { payloadCodecSchema, payloadKeysRefinement } from './env-schema';

export function payloadCodecFrom(c: PayloadCodecConfig): EncryptionCodec {
  return EncryptionCodec.fromSpec(c.TEMPORAL_PAYLOAD_KEYS, c.TEMPORAL_PAYLOAD_KEY_ID);
}

export function temporalDataConverter(c: PayloadCodecConfig): DataConverter {
  return { payloadCodecs: [payloadCodecFrom(c)] };
}

/** For scripts, tests and benchmarks that hold an environment rather than a loaded configuration. */
export function temporalDataConverterFromEnv(env: NodeJS.ProcessEnv | Record<string, string>): DataConverter {
  return temporalDataConverter(loadConfig(payloadCodecSchema.refine(...payloadKeysRefinement), env));
}

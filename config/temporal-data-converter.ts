// The data converter of every Temporal client and worker renkei creates: the default payload
// converter, then the payload encryption codec (security/payload-codec) with the configured keys;
// failures' messages and stack traces are encoded too (security/temporal-failure-converter).
// A process that talks to Temporal without it would write readable payloads, or fail to read them.
import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from '../security/payload-codec';
import type { PayloadCodecConfig } from './index';
import { loadConfig } from './load';
import { payloadCodecSchema, payloadKeysRefinement } from './env-schema';

export function payloadCodecFrom(c: PayloadCodecConfig): EncryptionCodec {
  return EncryptionCodec.fromSpec(c.TEMPORAL_PAYLOAD_KEYS, c.TEMPORAL_PAYLOAD_KEY_ID);
}

/** Give it to `bundleWorkflowCode` too when a worker runs a prebuilt bundle. */
export const failureConverterPath = require.resolve('../security/temporal-failure-converter');

export function temporalDataConverter(c: PayloadCodecConfig): DataConverter {
  return { payloadCodecs: [payloadCodecFrom(c)], failureConverterPath };
}

/** For scripts, tests and benchmarks that hold an environment rather than a loaded configuration. */
export function temporalDataConverterFromEnv(env: NodeJS.ProcessEnv | Record<string, string>): DataConverter {
  return temporalDataConverter(loadConfig(payloadCodecSchema.refine(...payloadKeysRefinement), env));
}

// The configuration of each process, composed from the schemas in env-schema.ts.
import {
  apiSchema,
  cipherSchema,
  codecServerSchema,
  codecServerTokenRefinement,
  freeeOAuthSchema,
  freeeSchema,
  lineWorksSchema,
  lineWorksWebSchema,
  logSchema,
  metricsSchema,
  mongoSchema,
  payloadCodecSchema,
  payloadKeysRefinement,
  temporalClientCertRefinement,
  temporalSchema,
  workerSchema,
} from './env-schema';
import { loadConfig } from './load';
import { lansmartSchema, lineLoginSchema, lineMessagingSchema, lineSignInSchema, mailSchema, partnerApiSchema, partnerWebSchema } from './partner-schema';

export { ConfigError, loadConfig } from './load';

export const apiConfigSchema = temporalSchema
  .extend(payloadCodecSchema.shape)
  .extend(mongoSchema.shape)
  .extend(logSchema.shape)
  .extend(cipherSchema.shape)
  .extend(freeeSchema.shape)
  .extend(freeeOAuthSchema.shape)
  .extend(lineWorksWebSchema.shape)
  .extend(lansmartSchema.shape)
  .extend(lineSignInSchema.shape)
  .extend(lineLoginSchema.shape)
  .extend(lineMessagingSchema.shape)
  .extend(partnerApiSchema.shape)
  .extend(apiSchema.shape)
  .extend(metricsSchema.shape)
  .refine(...payloadKeysRefinement)
  .refine(...temporalClientCertRefinement);

export const workerConfigSchema = temporalSchema
  .extend(payloadCodecSchema.shape)
  .extend(mongoSchema.shape)
  .extend(logSchema.shape)
  .extend(cipherSchema.shape)
  .extend(lineWorksSchema.shape)
  .extend(freeeSchema.pick({ FREEE_WEB_BASE_URL: true, FREEE_HR_URL: true }).shape)
  .extend(lansmartSchema.shape)
  .extend(lineLoginSchema.shape)
  .extend(lineMessagingSchema.shape)
  .extend(mailSchema.shape)
  .extend(partnerWebSchema.shape)
  .extend(workerSchema.shape)
  .refine((c) => !!c.LINEWORKS_PRIVATE_KEY || !!c.LINEWORKS_PRIVATE_KEY_PATH, {
    message: 'set LINEWORKS_PRIVATE_KEY (PEM) or LINEWORKS_PRIVATE_KEY_PATH',
    path: ['LINEWORKS_PRIVATE_KEY'],
  })
  .refine(...payloadKeysRefinement)
  .refine(...temporalClientCertRefinement);

/** The codec endpoint: the payload keys, its own listen address and token; no Temporal connection. */
export const codecServerConfigSchema = payloadCodecSchema
  .extend(temporalSchema.pick({ TEMPORAL_NAMESPACE: true }).shape)
  .extend(logSchema.shape)
  .extend(codecServerSchema.shape)
  .refine(...payloadKeysRefinement)
  .refine(...codecServerTokenRefinement);

export type ApiConfig = ReturnType<typeof apiConfigSchema.parse>;
export type WorkerConfig = ReturnType<typeof workerConfigSchema.parse>;
export type TemporalConfig = ReturnType<typeof temporalSchema.parse>;
export type CodecServerConfig = ReturnType<typeof codecServerConfigSchema.parse>;
export type PayloadCodecConfig = ReturnType<typeof payloadCodecSchema.parse>;

export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => loadConfig(apiConfigSchema, env);
export const loadCodecServerConfig = (env: NodeJS.ProcessEnv = process.env): CodecServerConfig => loadConfig(codecServerConfigSchema, env);
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig =>
  loadConfig(workerConfigSchema, env);

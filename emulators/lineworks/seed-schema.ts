// The wire contract of LINE WORKS seeding (`POST /_emulator/seed`): apps (client credentials and
// the service-account public key) and tenants (domains with a service account, bots and users).
// Pure (zod only) so the control client can share the types.

import { z } from 'zod';

export const seedUserSchema = z.strictObject({
  userId: z.string().min(1),
  email: z.string().min(1).optional(),
  isAdministrator: z.boolean().optional(),
  name: z.string().optional(),
});

export const seedAppSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** SPKI PEM ("-----BEGIN PUBLIC KEY-----") of the key the service account signs assertions with. */
  publicKeyPem: z.string().min(1),
});

export const seedTenantSchema = z.strictObject({
  /** LINE WORKS domainId. */
  tenantId: z.string().min(1),
  /** The app installed in this tenant (must be seeded, now or before). */
  clientId: z.string().min(1),
  /** The app's service account in this tenant, the `sub` of its assertions. */
  serviceAccountId: z.string().min(1),
  botIds: z.array(z.string().min(1)).default([]),
  users: z.array(seedUserSchema).default([]),
  /** Requests per minute per API for this tenant; overrides the seed-wide value. */
  rateLimitPerMinute: z.number().int().min(1).optional(),
  /** Access-token lifetime for this tenant (default 86400). */
  accessTokenTtlSeconds: z.number().int().min(1).optional(),
});

export const lineWorksSeedSchema = z.strictObject({
  apps: z.array(seedAppSchema).default([]),
  tenants: z.array(seedTenantSchema).default([]),
  /** Default requests per minute per API per tenant (240, the Standard plan, when never set). */
  rateLimitPerMinute: z.number().int().min(1).optional(),
});

export type LineWorksSeed = z.input<typeof lineWorksSeedSchema>;
export type LineWorksSeedParsed = z.output<typeof lineWorksSeedSchema>;
export type LineWorksSeedUser = z.output<typeof seedUserSchema>;

/** One delivered bot message (`GET /_emulator/messages`). */
export interface DeliveredLineWorksMessage {
  tenantId: string;
  botId: string;
  userId: string;
  content: unknown;
  receivedAt: string;
}

export interface LineWorksMessageFilter {
  tenantId?: string;
  botId?: string;
  userId?: string;
}

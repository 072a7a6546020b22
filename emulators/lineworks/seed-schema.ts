// The wire contract of LINE WORKS seeding (`POST /_emulator/seed`): apps (client credentials, the
// service-account public key, redirect URIs, the bot template and where lifecycle events go) and
// tenants (domains with users, optionally with the app already installed: service account, bots).
// Pure (zod only) so the control client can share the types.

import { z } from 'zod';

const httpUrl = () => z.url({ protocol: /^https?$/ });

export const DEFAULT_USER_PASSWORD = 'password';

export const seedUserSchema = z.strictObject({
  userId: z.string().min(1),
  email: z.string().min(1).optional(),
  /** Password of the emulator's login page (default "password"). */
  password: z.string().min(1).optional(),
  isAdministrator: z.boolean().optional(),
  /** "姓 名": split on the first space into userName.lastName / userName.firstName. */
  name: z.string().optional(),
  /** Addressable as `externalKey:{key}` in the users API. */
  userExternalKey: z.string().min(1).optional(),
});

/** What every bot the app gets at install time starts with. */
export const seedAppBotSchema = z.strictObject({
  /** Talk-room title (default: the app's name). */
  name: z.string().min(1).optional(),
  /** Where callbacks of the app's bots go unless a bot overrides it. */
  callbackUrl: httpUrl().optional(),
  /** Bot Secret shared by the app's bots; generated per bot when absent. */
  botSecret: z.string().min(1).optional(),
});

export const seedAppSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** SPKI PEM ("-----BEGIN PUBLIC KEY-----") of the key the service account signs assertions with. */
  publicKeyPem: z.string().min(1).optional(),
  /** Shown on the consent, app detail and removal pages (e.g. "freee"); default the clientId. */
  name: z.string().min(1).optional(),
  /** OAuth redirect URIs, matched exactly; their origins also bound the install `return_to`. */
  redirectUris: z.array(httpUrl()).optional(),
  /** Where app lifecycle events (app.uninstalled) are POSTed. */
  appCallbackUrl: httpUrl().optional(),
  /** Where the admin console's [追加する] sends the admin (default: the emulator's install page). */
  appUrl: httpUrl().optional(),
  /** Scopes the app's service account and bot use, listed on the install terms page. */
  scopes: z.array(z.string().min(1)).optional(),
  bot: seedAppBotSchema.optional(),
});

export const seedBotSchema = z.strictObject({
  botId: z.string().min(1),
  callbackUrl: httpUrl().optional(),
  botSecret: z.string().min(1).optional(),
});

export const seedTenantSchema = z
  .strictObject({
    /** LINE WORKS domainId. */
    tenantId: z.string().min(1),
    /** Domain name shown on pages and used in generated service-account IDs. */
    domainName: z.string().min(1).optional(),
    /** An app already installed in this tenant (must be seeded, now or before); give with serviceAccountId. */
    clientId: z.string().min(1).optional(),
    /** The installed app's service account in this tenant, the `sub` of its assertions. */
    serviceAccountId: z.string().min(1).optional(),
    installationId: z.string().min(1).optional(),
    /** Bots of the installed app in this tenant (plain IDs; see `bots` for callback settings). */
    botIds: z.array(z.string().min(1)).default([]),
    bots: z.array(seedBotSchema).default([]),
    /** Members allowed to use the installed app: "all" (default) or userIds. */
    members: z.union([z.literal('all'), z.array(z.string().min(1))]).optional(),
    users: z.array(seedUserSchema).default([]),
    /** Requests per minute per API for this tenant; overrides the seed-wide value. */
    rateLimitPerMinute: z.number().int().min(1).optional(),
    /** Access-token lifetime for this tenant (default 86400). */
    accessTokenTtlSeconds: z.number().int().min(1).optional(),
  })
  .refine((tenant) => (tenant.clientId === undefined) === (tenant.serviceAccountId === undefined), {
    message: 'clientId and serviceAccountId go together (an installed app)',
  })
  .refine((tenant) => tenant.clientId !== undefined || (tenant.botIds.length === 0 && tenant.bots.length === 0 && tenant.members === undefined), {
    message: 'bots and members need an installed app (clientId and serviceAccountId)',
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
export type LineWorksSeedApp = z.output<typeof seedAppSchema>;

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

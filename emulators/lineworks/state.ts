// Everything the LINE WORKS emulator knows: seeded apps and tenants, revoked tenants, tokens,
// rate-limit windows and the messages it delivered. Reset empties it.

import { importSPKI } from 'jose';
import { HttpError } from '../harness/http-error';
import { FixedWindowRateLimiter } from '../harness/rate-limiter';
import type { DeliveredLineWorksMessage, LineWorksMessageFilter, LineWorksSeedParsed, LineWorksSeedUser } from './seed-schema';
import { TokenStore } from './tokens';

export type PublicKey = Awaited<ReturnType<typeof importSPKI>>;

export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  publicKey: PublicKey;
}

export interface Tenant {
  tenantId: string;
  clientId: string;
  serviceAccountId: string;
  botIds: Set<string>;
  users: Map<string, LineWorksSeedUser>;
  rateLimitPerMinute?: number;
  accessTokenTtlSeconds: number;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 240;
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 86_400;

export class LineWorksState {
  readonly apps = new Map<string, RegisteredApp>();
  readonly tenants = new Map<string, Tenant>();
  readonly revokedTenants = new Set<string>();
  readonly tokens = new TokenStore();
  readonly rateLimiter = new FixedWindowRateLimiter(60_000);
  private messages: DeliveredLineWorksMessage[] = [];
  private defaultRateLimit = DEFAULT_RATE_LIMIT_PER_MINUTE;

  /** Merges a seed: apps and tenants are upserted; a re-seeded tenant keeps its other bots and users. */
  async seed(seed: LineWorksSeedParsed): Promise<void> {
    const apps = await Promise.all(
      seed.apps.map(async (app): Promise<RegisteredApp> => {
        try {
          return { clientId: app.clientId, clientSecret: app.clientSecret, publicKey: await importSPKI(app.publicKeyPem, 'RS256') };
        } catch (error) {
          throw new HttpError(400, { error: 'INVALID_SEED', message: `app ${app.clientId}: publicKeyPem is not an RSA SPKI PEM (${String(error)})` });
        }
      }),
    );
    const knownClients = new Set([...this.apps.keys(), ...apps.map((app) => app.clientId)]);
    for (const tenant of seed.tenants) {
      if (!knownClients.has(tenant.clientId)) {
        throw new HttpError(400, { error: 'INVALID_SEED', message: `tenant ${tenant.tenantId}: unknown clientId ${tenant.clientId}` });
      }
      const clash = this.tenantForServiceAccount(tenant.clientId, tenant.serviceAccountId);
      if (clash !== undefined && clash.tenantId !== tenant.tenantId) {
        throw new HttpError(400, { error: 'INVALID_SEED', message: `service account ${tenant.serviceAccountId} already belongs to tenant ${clash.tenantId}` });
      }
    }

    for (const app of apps) this.apps.set(app.clientId, app);
    if (seed.rateLimitPerMinute !== undefined) this.defaultRateLimit = seed.rateLimitPerMinute;
    for (const input of seed.tenants) {
      const existing = this.tenants.get(input.tenantId);
      const tenant: Tenant = {
        tenantId: input.tenantId,
        clientId: input.clientId,
        serviceAccountId: input.serviceAccountId,
        botIds: new Set([...(existing?.botIds ?? []), ...input.botIds]),
        users: new Map(existing?.users),
        rateLimitPerMinute: input.rateLimitPerMinute ?? existing?.rateLimitPerMinute,
        accessTokenTtlSeconds: input.accessTokenTtlSeconds ?? existing?.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
      };
      for (const user of input.users) tenant.users.set(user.userId, user);
      this.tenants.set(tenant.tenantId, tenant);
    }
  }

  tenantForServiceAccount(clientId: string, serviceAccountId: string): Tenant | undefined {
    for (const tenant of this.tenants.values()) {
      if (tenant.clientId === clientId && tenant.serviceAccountId === serviceAccountId) return tenant;
    }
    return undefined;
  }

  /** A user addressed by userId or login email, as the API accepts both. */
  findUser(tenant: Tenant, userIdOrEmail: string): LineWorksSeedUser | undefined {
    const byId = tenant.users.get(userIdOrEmail);
    if (byId !== undefined) return byId;
    const email = userIdOrEmail.toLowerCase();
    for (const user of tenant.users.values()) if (user.email?.toLowerCase() === email) return user;
    return undefined;
  }

  rateLimitFor(tenant: Tenant): number {
    return tenant.rateLimitPerMinute ?? this.defaultRateLimit;
  }

  revoke(tenantId: string): void {
    this.revokedTenants.add(tenantId);
    this.tokens.revokeTenant(tenantId);
  }

  restore(tenantId: string): void {
    this.revokedTenants.delete(tenantId);
  }

  recordMessage(message: DeliveredLineWorksMessage): void {
    this.messages.push(message);
  }

  listMessages(filter: LineWorksMessageFilter): DeliveredLineWorksMessage[] {
    return this.messages.filter(
      (message) =>
        (filter.tenantId === undefined || message.tenantId === filter.tenantId) &&
        (filter.botId === undefined || message.botId === filter.botId) &&
        (filter.userId === undefined || message.userId === filter.userId),
    );
  }

  reset(): void {
    this.apps.clear();
    this.tenants.clear();
    this.revokedTenants.clear();
    this.tokens.clear();
    this.rateLimiter.clear();
    this.messages = [];
    this.defaultRateLimit = DEFAULT_RATE_LIMIT_PER_MINUTE;
  }
}

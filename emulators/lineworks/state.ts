// Everything the LINE WORKS emulator knows: seeded apps and tenants (domains and their users),
// installations and bots, revoked tenants, tokens, browser sessions, authorization codes, members'
// consents, rich
// menus, attachments, rate-limit windows, and what it delivered and sent. Reset empties it (the
// ID-token signing key survives, so cached JWKS stay valid).

import { importSPKI } from 'jose';
import { AuthorizationCodes } from '../harness/auth-codes';
import { HttpError } from '../harness/http-error';
import { PendingStore } from '../harness/pending';
import { FixedWindowRateLimiter } from '../harness/rate-limiter';
import { SessionStore } from '../harness/sessions';
import { AttachmentStore } from './attachments';
import { ConsentStore } from './consents';
import type { RecordedCallback } from './callback-event';
import { IssuerKeys } from './issuer-keys';
import {
  InstallationRegistry,
  memberScopeOf,
  newBotSecret,
  newInstallationId,
  type Bot,
  type Installation,
} from './installations';
import type { LifecycleDelivery } from './lifecycle-event';
import { RichMenuStore } from './richmenus';
import {
  DEFAULT_USER_PASSWORD,
  type DeliveredLineWorksMessage,
  type LineWorksMessageFilter,
  type LineWorksSeedApp,
  type LineWorksSeedParsed,
  type LineWorksSeedUser,
} from './seed-schema';
import { TalkLog } from './talk-log';
import { TokenStore } from './tokens';

export type PublicKey = Awaited<ReturnType<typeof importSPKI>>;

export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  /** Absent when the app has no service account key (User Account auth only). */
  publicKey?: PublicKey;
  name: string;
  redirectUris: string[];
  appCallbackUrl?: string;
  appUrl?: string;
  scopes: string[];
  bot: { name?: string; callbackUrl?: string; botSecret?: string };
}

export interface TenantUser extends LineWorksSeedUser {
  password: string;
  isAdministrator: boolean;
}

export interface Tenant {
  tenantId: string;
  domainName: string;
  users: Map<string, TenantUser>;
  rateLimitPerMinute?: number;
  accessTokenTtlSeconds: number;
}

/** Who is signed in to the emulator's pages in one browser. */
export interface WorksSession {
  tenantId: string;
  userId: string;
}

/** What an authorization code stands for (User Account auth). */
export interface UserCodeGrant {
  tenantId: string;
  userId: string;
  scope: string;
  nonce?: string;
}

/** An authorization request waiting for the user's consent. */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  tenantId: string;
  userId: string;
}

/** An admin between the pages of the app-add screen. */
export interface InstallWizard {
  clientId: string;
  tenantId: string;
  userId: string;
  returnTo?: string;
  termsAccepted: boolean;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 240;
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 86_400;
export const DEFAULT_APP_SCOPES = ['bot', 'user.read'];

function registeredApp(input: LineWorksSeedApp, publicKey: PublicKey | undefined, existing: RegisteredApp | undefined): RegisteredApp {
  const app: RegisteredApp = {
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    name: input.name ?? existing?.name ?? input.clientId,
    redirectUris: input.redirectUris ?? existing?.redirectUris ?? [],
    scopes: input.scopes ?? existing?.scopes ?? DEFAULT_APP_SCOPES,
    bot: { ...existing?.bot, ...input.bot },
  };
  const key = publicKey ?? existing?.publicKey;
  if (key !== undefined) app.publicKey = key;
  const appCallbackUrl = input.appCallbackUrl ?? existing?.appCallbackUrl;
  if (appCallbackUrl !== undefined) app.appCallbackUrl = appCallbackUrl;
  const appUrl = input.appUrl ?? existing?.appUrl;
  if (appUrl !== undefined) app.appUrl = appUrl;
  return app;
}

export class LineWorksState {
  readonly apps = new Map<string, RegisteredApp>();
  readonly tenants = new Map<string, Tenant>();
  readonly revokedTenants = new Set<string>();
  readonly installations = new InstallationRegistry();
  readonly tokens = new TokenStore();
  readonly rateLimiter = new FixedWindowRateLimiter(60_000);
  readonly sessions = new SessionStore<WorksSession>('lwemu_sid');
  readonly codes = new AuthorizationCodes<UserCodeGrant>();
  readonly pendingAuthorizations = new PendingStore<PendingAuthorization>();
  /** The scopes each member allowed each app on the consent page. */
  readonly consents = new ConsentStore();
  readonly installWizards = new PendingStore<InstallWizard>();
  readonly richMenus = new RichMenuStore();
  readonly attachments = new AttachmentStore();
  readonly talk = new TalkLog();
  readonly issuerKeys = new IssuerKeys();
  readonly callbacks: RecordedCallback[] = [];
  readonly lifecycle: LifecycleDelivery[] = [];
  private messages: DeliveredLineWorksMessage[] = [];
  private defaultRateLimit = DEFAULT_RATE_LIMIT_PER_MINUTE;

  /** Merges a seed: apps and tenants are upserted; a re-seeded tenant keeps its other bots and users. */
  async seed(seed: LineWorksSeedParsed): Promise<void> {
    const keys = await Promise.all(
      seed.apps.map(async (app): Promise<PublicKey | undefined> => {
        if (app.publicKeyPem === undefined) return undefined;
        try {
          return await importSPKI(app.publicKeyPem, 'RS256');
        } catch (error) {
          throw new HttpError(400, { error: 'INVALID_SEED', message: `app ${app.clientId}: publicKeyPem is not an RSA SPKI PEM (${String(error)})` });
        }
      }),
    );
    const knownClients = new Set([...this.apps.keys(), ...seed.apps.map((app) => app.clientId)]);
    for (const tenant of seed.tenants) {
      if (tenant.clientId === undefined || tenant.serviceAccountId === undefined) continue;
      if (!knownClients.has(tenant.clientId)) {
        throw new HttpError(400, { error: 'INVALID_SEED', message: `tenant ${tenant.tenantId}: unknown clientId ${tenant.clientId}` });
      }
      const clash = this.installations.byServiceAccount(tenant.clientId, tenant.serviceAccountId);
      if (clash !== undefined && clash.tenantId !== tenant.tenantId) {
        throw new HttpError(400, { error: 'INVALID_SEED', message: `service account ${tenant.serviceAccountId} already belongs to tenant ${clash.tenantId}` });
      }
      for (const botId of [...tenant.botIds, ...tenant.bots.map((bot) => bot.botId)]) {
        const owner = this.installations.bots.get(botId);
        if (owner !== undefined && (owner.tenantId !== tenant.tenantId || owner.clientId !== tenant.clientId)) {
          throw new HttpError(400, { error: 'INVALID_SEED', message: `bot ${botId} already belongs to tenant ${owner.tenantId} / app ${owner.clientId}` });
        }
      }
    }

    seed.apps.forEach((input, index) => this.apps.set(input.clientId, registeredApp(input, keys[index], this.apps.get(input.clientId))));
    if (seed.rateLimitPerMinute !== undefined) this.defaultRateLimit = seed.rateLimitPerMinute;
    for (const input of seed.tenants) {
      const existing = this.tenants.get(input.tenantId);
      const tenant: Tenant = {
        tenantId: input.tenantId,
        domainName: input.domainName ?? existing?.domainName ?? `${input.tenantId}.works.example`,
        users: new Map(existing?.users),
        rateLimitPerMinute: input.rateLimitPerMinute ?? existing?.rateLimitPerMinute,
        accessTokenTtlSeconds: input.accessTokenTtlSeconds ?? existing?.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
      };
      for (const user of input.users) {
        tenant.users.set(user.userId, { ...user, password: user.password ?? DEFAULT_USER_PASSWORD, isAdministrator: user.isAdministrator ?? false });
      }
      this.tenants.set(tenant.tenantId, tenant);
      if (input.clientId !== undefined && input.serviceAccountId !== undefined) {
        const installation = this.seedInstallation(tenant, input.clientId, input.serviceAccountId, input.installationId, input.members);
        for (const botId of input.botIds) this.addBot(installation, { botId });
        for (const bot of input.bots) this.addBot(installation, bot);
      }
    }
  }

  private seedInstallation(
    tenant: Tenant,
    clientId: string,
    serviceAccountId: string,
    installationId: string | undefined,
    members: 'all' | string[] | undefined,
  ): Installation {
    const live = this.installations.active(tenant.tenantId, clientId);
    if (live !== undefined) {
      live.serviceAccountId = serviceAccountId;
      if (members !== undefined) live.members = memberScopeOf(members);
      return live;
    }
    const installation: Installation = {
      installationId: installationId ?? newInstallationId(),
      tenantId: tenant.tenantId,
      clientId,
      serviceAccountId,
      botIds: new Set(),
      members: memberScopeOf(members ?? 'all'),
      status: 'installed',
      installedAt: new Date().toISOString(),
    };
    this.installations.add(installation);
    return installation;
  }

  /** Adds (or updates) a bot of an installation; its secret comes from the seed, the app, or is generated. */
  addBot(installation: Installation, input: { botId: string; callbackUrl?: string; botSecret?: string }): Bot {
    const existing = this.installations.bots.get(input.botId);
    const app = this.apps.get(installation.clientId);
    const bot: Bot = {
      botId: input.botId,
      clientId: installation.clientId,
      tenantId: installation.tenantId,
      installationId: installation.installationId,
      botSecret: input.botSecret ?? existing?.botSecret ?? app?.bot.botSecret ?? newBotSecret(),
    };
    const callbackUrl = input.callbackUrl ?? existing?.callbackUrl;
    if (callbackUrl !== undefined) bot.callbackUrl = callbackUrl;
    this.installations.bots.set(bot.botId, bot);
    installation.botIds.add(bot.botId);
    return bot;
  }

  /** Where a bot's callbacks go: its own URL, else its app's bot template. */
  callbackUrlOf(bot: Bot): string | undefined {
    return bot.callbackUrl ?? this.apps.get(bot.clientId)?.bot.callbackUrl;
  }

  /** The live bot `botId` of the app `clientId` in tenant `tenantId`. */
  botOf(tenantId: string, clientId: string, botId: string): Bot | undefined {
    const bot = this.installations.liveBot(botId);
    return bot !== undefined && bot.tenantId === tenantId && bot.clientId === clientId ? bot : undefined;
  }

  /** A user addressed by userId, login email or `externalKey:{key}`, as the API accepts all three. */
  findUser(tenant: Tenant, userIdOrEmail: string): TenantUser | undefined {
    const byId = tenant.users.get(userIdOrEmail);
    if (byId !== undefined) return byId;
    if (userIdOrEmail.startsWith('externalKey:')) {
      const key = userIdOrEmail.slice('externalKey:'.length);
      for (const user of tenant.users.values()) if (user.userExternalKey === key) return user;
      return undefined;
    }
    const email = userIdOrEmail.toLowerCase();
    for (const user of tenant.users.values()) if (user.email?.toLowerCase() === email) return user;
    return undefined;
  }

  /** Every (tenant, user) a login ID (email, or userId) names. */
  usersForLogin(loginId: string): { tenant: Tenant; user: TenantUser }[] {
    const wanted = loginId.trim().toLowerCase();
    const found: { tenant: Tenant; user: TenantUser }[] = [];
    for (const tenant of this.tenants.values()) {
      for (const user of tenant.users.values()) {
        if (user.email?.toLowerCase() === wanted || user.userId.toLowerCase() === wanted) found.push({ tenant, user });
      }
    }
    return found;
  }

  /** The signed-in person of a session, if their tenant and account still exist. */
  sessionUser(session: WorksSession | undefined): { tenant: Tenant; user: TenantUser } | undefined {
    if (session === undefined) return undefined;
    const tenant = this.tenants.get(session.tenantId);
    const user = tenant?.users.get(session.userId);
    return tenant === undefined || user === undefined ? undefined : { tenant, user };
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
    this.installations.clear();
    this.tokens.clear();
    this.rateLimiter.clear();
    this.sessions.clear();
    this.codes.clear();
    this.pendingAuthorizations.clear();
    this.consents.clear();
    this.installWizards.clear();
    this.richMenus.clear();
    this.attachments.clear();
    this.talk.clear();
    this.callbacks.length = 0;
    this.lifecycle.length = 0;
    this.messages = [];
    this.defaultRateLimit = DEFAULT_RATE_LIMIT_PER_MINUTE;
  }
}

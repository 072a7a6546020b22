// Installations of apps in tenants and the bots they bring. An installation is what the admin's
// "add app" creates (service account, bot, member scope) and "remove app" ends; ended ones are
// kept so old service accounts and bots are recognised as removed rather than unknown.

import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { BotInfo, InstallationInfo, MemberScope } from './installation-types';

export interface Installation {
  installationId: string;
  tenantId: string;
  clientId: string;
  serviceAccountId: string;
  botIds: Set<string>;
  members: 'all' | Set<string>;
  status: 'installed' | 'uninstalled';
  installedAt: string;
  uninstalledAt?: string;
}

export interface Bot {
  botId: string;
  clientId: string;
  tenantId: string;
  installationId: string;
  botSecret: string;
  /** The bot's own callback URL; the app's bot template applies when absent. */
  callbackUrl?: string;
}

export function newBotId(): string {
  return String(randomInt(1_000_000, 10_000_000));
}

export function newBotSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function newServiceAccountId(domainName: string): string {
  return `${randomBytes(3).toString('hex').slice(0, 5)}.serviceaccount@${domainName}`;
}

export function newInstallationId(): string {
  return randomUUID();
}

export function memberScopeOf(members: MemberScope): 'all' | Set<string> {
  return members === 'all' ? 'all' : new Set(members);
}

export class InstallationRegistry {
  private installations: Installation[] = [];
  readonly bots = new Map<string, Bot>();

  /** The live installation of an app in a tenant. */
  active(tenantId: string, clientId: string): Installation | undefined {
    return this.installations.find((item) => item.status === 'installed' && item.tenantId === tenantId && item.clientId === clientId);
  }

  /** The newest installation (live or removed) whose service account this is. */
  byServiceAccount(clientId: string, serviceAccountId: string): Installation | undefined {
    return this.installations.filter((item) => item.clientId === clientId && item.serviceAccountId === serviceAccountId).at(-1);
  }

  byId(installationId: string): Installation | undefined {
    return this.installations.find((item) => item.installationId === installationId);
  }

  add(installation: Installation): void {
    this.installations.push(installation);
  }

  list(filter: { tenantId?: string; clientId?: string } = {}): Installation[] {
    return this.installations.filter(
      (item) => (filter.tenantId === undefined || item.tenantId === filter.tenantId) && (filter.clientId === undefined || item.clientId === filter.clientId),
    );
  }

  /** A bot of a live installation, or undefined (unknown bot, or its app was removed). */
  liveBot(botId: string): Bot | undefined {
    const bot = this.bots.get(botId);
    if (bot === undefined) return undefined;
    return this.byId(bot.installationId)?.status === 'installed' ? bot : undefined;
  }

  canUse(installation: Installation, userId: string): boolean {
    return installation.members === 'all' || installation.members.has(userId);
  }

  clear(): void {
    this.installations = [];
    this.bots.clear();
  }
}

export function installationInfo(installation: Installation): InstallationInfo {
  const info: InstallationInfo = {
    installationId: installation.installationId,
    tenantId: installation.tenantId,
    clientId: installation.clientId,
    serviceAccountId: installation.serviceAccountId,
    botIds: [...installation.botIds],
    members: installation.members === 'all' ? 'all' : [...installation.members],
    status: installation.status,
    installedAt: installation.installedAt,
  };
  if (installation.uninstalledAt !== undefined) info.uninstalledAt = installation.uninstalledAt;
  return info;
}

export function botInfo(bot: Bot, app: { name: string; bot: { name?: string; callbackUrl?: string } } | undefined): BotInfo {
  return {
    botId: bot.botId,
    clientId: bot.clientId,
    tenantId: bot.tenantId,
    installationId: bot.installationId,
    name: app?.bot.name ?? app?.name ?? bot.clientId,
    botSecret: bot.botSecret,
    callbackUrl: bot.callbackUrl ?? app?.bot.callbackUrl ?? null,
  };
}

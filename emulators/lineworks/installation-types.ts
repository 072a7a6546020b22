// The wire shapes of app installations and bots as the control routes show them, and the inputs
// of the install / bot-settings control routes. Pure (zod only) so the control client shares them.

import { z } from 'zod';

export type MemberScope = 'all' | string[];

/** One installation of an app in a tenant (`GET /_emulator/installations`). */
export interface InstallationInfo {
  installationId: string;
  tenantId: string;
  clientId: string;
  serviceAccountId: string;
  botIds: string[];
  members: MemberScope;
  status: 'installed' | 'uninstalled';
  installedAt: string;
  uninstalledAt?: string;
}

/** A bot as `GET /_emulator/bots/:botId` shows it, secret included (the developer console's view). */
export interface BotInfo {
  botId: string;
  clientId: string;
  tenantId: string;
  installationId: string;
  name: string;
  botSecret: string;
  /** Where its callbacks go; null when neither the bot nor its app has one. */
  callbackUrl: string | null;
}

/** `POST /_emulator/apps/:clientId/tenants/:tenantId/install`: install without the admin pages. */
export const controlInstallSchema = z.strictObject({
  members: z.union([z.literal('all'), z.array(z.string().min(1))]).default('all'),
});
export type ControlInstallRequest = z.input<typeof controlInstallSchema>;

/**
 * `POST /_emulator/apps/:clientId/tenants/:tenantId/uninstall`: the removal [削除] does.
 * `notifyApp: false` removes the app without telling it (no lifecycle event is sent or recorded):
 * the app has to find out by itself, as when the platform's notice never reaches it.
 */
export const controlUninstallSchema = z.strictObject({
  notifyApp: z.boolean().default(true),
});
export type ControlUninstallRequest = z.input<typeof controlUninstallSchema>;

/** `PATCH /_emulator/bots/:botId`: change where callbacks go or the secret they are signed with. */
export const botSettingsSchema = z.strictObject({
  callbackUrl: z.url({ protocol: /^https?$/ }).nullable().optional(),
  botSecret: z.string().min(1).optional(),
});
export type BotSettings = z.input<typeof botSettingsSchema>;

// Installing and removing an app in a tenant, whichever way it is asked (admin pages or control
// routes). Install creates the service account, one bot and the member scope. Removal ends the
// installation, revokes every token of that app in that tenant, forgets the bots' per-user rich
// menus and tells the app (app.uninstalled, see lifecycle-delivery.ts).

import { randomUUID } from 'node:crypto';
import { hmacSha256Base64 } from '../harness/signing';
import { domainIdOf } from './domain-id';
import type { MemberScope } from './installation-types';
import { memberScopeOf, newBotId, newInstallationId, newServiceAccountId, type Installation } from './installations';
import { deliverLifecycleEvent } from './lifecycle-delivery';
import type { AppUninstalledEvent, LifecycleDelivery } from './lifecycle-event';
import type { LineWorksState, RegisteredApp, Tenant } from './state';

/** The live installation, or a new one with a fresh service account and bot. */
export function installApp(state: LineWorksState, tenant: Tenant, app: RegisteredApp, members: MemberScope): Installation {
  const live = state.installations.active(tenant.tenantId, app.clientId);
  if (live !== undefined) return live;
  const installation: Installation = {
    installationId: newInstallationId(),
    tenantId: tenant.tenantId,
    clientId: app.clientId,
    serviceAccountId: newServiceAccountId(tenant.domainName),
    botIds: new Set(),
    members: memberScopeOf(members),
    status: 'installed',
    installedAt: new Date().toISOString(),
  };
  state.installations.add(installation);
  let botId = newBotId();
  while (state.installations.bots.has(botId)) botId = newBotId();
  state.addBot(installation, { botId });
  return installation;
}

/** The query the install page appends to `return_to` (the domain's name as the admin console shows it), with its signature (see README). */
export function installRedirectParams(installation: Installation, app: RegisteredApp, domainName: string): Record<string, string> {
  const params = {
    installation_id: installation.installationId,
    domain_id: String(domainIdOf(installation.tenantId)),
    bot_id: [...installation.botIds][0] ?? '',
    service_account_id: installation.serviceAccountId,
    domain_name: domainName,
  };
  const signed = [params.installation_id, params.domain_id, params.bot_id, params.service_account_id, params.domain_name].join('\n');
  return { ...params, signature: hmacSha256Base64(app.clientSecret, signed) };
}

/** Removes the app; `notifyApp: false` skips the lifecycle event (the app is not told). */
export async function uninstallApp(state: LineWorksState, installation: Installation, options: { notifyApp?: boolean } = {}): Promise<LifecycleDelivery | undefined> {
  if (installation.status !== 'installed') return undefined;
  const time = new Date().toISOString();
  installation.status = 'uninstalled';
  installation.uninstalledAt = time;
  state.tokens.revokeWhere((grant) => grant.tenantId === installation.tenantId && grant.clientId === installation.clientId);
  for (const botId of installation.botIds) state.richMenus.deleteAllUserMenus(botId);

  const app = state.apps.get(installation.clientId);
  if (app === undefined || options.notifyApp === false) return undefined;
  const event: AppUninstalledEvent = {
    type: 'app.uninstalled',
    eventId: randomUUID(),
    domainId: domainIdOf(installation.tenantId),
    clientId: installation.clientId,
    installationId: installation.installationId,
    time,
  };
  return deliverLifecycleEvent(state, app, { eventId: event.eventId, tenantId: installation.tenantId, requestBody: JSON.stringify(event), redelivery: false });
}

/** Sends the app's last lifecycle event again, byte for byte (same eventId and signature). */
export async function redeliverLastLifecycleEvent(state: LineWorksState, app: RegisteredApp): Promise<LifecycleDelivery | undefined> {
  const last = state.lifecycle.filter((delivery) => delivery.clientId === app.clientId).at(-1);
  if (last === undefined) return undefined;
  return deliverLifecycleEvent(state, app, { eventId: last.eventId, tenantId: last.tenantId, requestBody: last.requestBody, redelivery: true });
}

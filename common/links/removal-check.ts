// Whether an app removal event may act on the tenant's current installation. LINE WORKS signs the
// event's body but no timestamp, so a captured event stays validly signed forever: an event acts
// only on the installation it names, and only when it is not older than that installation (a
// replay of the previous installation's removal, after the app was installed again, changes
// nothing). Pure: shared by the API (read model) and the tenant-link workflow (its state).

export type RemovalRefusal = 'other_installation' | 'stale';

export interface CurrentInstallation {
  installationId?: string | null;
  /** ISO-8601 or Date: when renkei learnt of the installation. */
  installedAt?: string | Date | null;
}

export interface RemovalEventInstallation {
  installationId?: string;
  /** ISO-8601: when the removal happened, as the event says. */
  eventTime?: string;
}

/** Why the event must not act on the current installation, or undefined when it may. */
export function removalRefusal(current: CurrentInstallation, event: RemovalEventInstallation): RemovalRefusal | undefined {
  if (event.installationId !== undefined && current.installationId && event.installationId !== current.installationId) return 'other_installation';
  if (event.eventTime !== undefined && current.installedAt) {
    const installed = current.installedAt instanceof Date ? current.installedAt.getTime() : Date.parse(current.installedAt);
    const removed = Date.parse(event.eventTime);
    if (Number.isFinite(installed) && Number.isFinite(removed) && removed < installed) return 'stale';
  }
  return undefined;
}

// Link entities of freee × LINE WORKS — the tenant link (admin), the employee ID-link and the
// cascade unlink — as plain JSON shared by the API, the workflows and their clients.

/** `needs_reauth`: LINE WORKS refused the tenant's token; deliveries wait for the admin. */
export type TenantLinkStatus = 'active' | 'needs_reauth' | 'removing' | 'removed';

export interface TenantLinkState {
  worksTenantId: string;
  companyId?: string;
  botId?: string;
  serviceAccountId?: string;
  installationId?: string;
  /** When renkei learnt of that installation (the admin's return from the install). */
  installedAt?: string;
  status: TenantLinkStatus | 'new';
  linkedAt?: string;
  /** The cascade that ran when the app was removed. */
  cascadeId?: string;
  /** What LINE WORKS answered the last time a refused token made renkei ask whether the app is still installed. */
  removalProbe?: { answer: AppInstallationProbe | 'inconclusive'; at: string };
  /** Delivery IDs of signals already applied (bounded). */
  seenDeliveryIds: string[];
}

export interface LinkTenantInput {
  companyId: string;
  botId: string;
  serviceAccountId: string;
  installationId: string;
  /** When the installation was made, as renkei learnt it (ISO-8601); lifecycle events older than it are stale. */
  installedAt?: string;
  /** The tenant's domain name as LINE WORKS gives it at install (shown instead of the numeric ID). */
  domainName?: string;
}

export interface TokenRefusedSignal {
  deliveryId: string;
  /** Who met the refusal (a notification workflow ID). */
  by: string;
}

export interface AppRemovedSignal {
  /** De-duplicates redelivered removal events. */
  deliveryId: string;
  /** Names the cascade (its workflow ID is cascade-unlink:{tenant}:{requestId}). */
  requestId: string;
  /** `probe`: a refused token made renkei ask LINE WORKS, which confirmed the removal. */
  reason: 'app_uninstalled' | 'token_refused' | 'admin_request' | 'probe';
  /** The installation a lifecycle event names: the removal acts only on that one. */
  installationId?: string;
  /** When LINE WORKS says the removal happened (ISO-8601): older than the installation is stale. */
  eventTime?: string;
}

/**
 * Is the app still installed in the tenant, as LINE WORKS answers it: `installed`, `removed`
 * (confirmed), or `refused` (credentials refused for another reason — not a proof of removal).
 */
export type AppInstallationProbe = 'installed' | 'removed' | 'refused';

export type EmployeeLinkStatus = 'new' | 'linked' | 'unlinked' | 'revoked';

export interface EmployeeLinkState {
  companyId: string;
  freeeUserId: string;
  status: EmployeeLinkStatus;
  worksTenantId?: string;
  worksUserId?: string;
  linkedAt?: string;
  /** Set when a cascade revoked this link. */
  revokedBy?: string;
  seenDeliveryIds: string[];
}

export interface LinkEmployeeInput {
  worksTenantId: string;
  worksUserId: string;
}

export interface LinkEmployeeResult {
  status: 'linked';
  /** True when this exact link already existed (a repeated [許可する]). */
  alreadyLinked: boolean;
  worksTenantId: string;
  worksUserId: string;
}

export interface RevokeLinkSignal {
  deliveryId: string;
  cascadeId: string;
}

export type CascadeOutcome = 'revoked' | 'already_gone' | 'failed';

export interface CascadeTotals {
  revoked: number;
  already_gone: number;
  failed: number;
}

export interface CascadeInput {
  worksTenantId: string;
  companyId: string;
  cascadeId: string;
  /** Resume after this employee-link `_id` (continue-as-new carries it; runs paging without a snapshot). */
  afterId?: string;
  /** The snapshot being revoked and the next page of it (continue-as-new carries it). */
  snapshot?: CascadeSnapshotCursor;
  totals?: CascadeTotals;
  pages?: number;
  pageSize?: number;
  /** Heartbeat timeout of a page's activity: how soon a page of a worker that died is taken over. */
  pageHeartbeatTimeoutMs?: number;
}

/** Where a cascade stands in a round's snapshot of the tenant's links. */
export interface CascadeSnapshotCursor {
  /** 0 for the first snapshot, then one more for each sweep for links that came meanwhile. */
  round: number;
  snapshotId: string;
  /** Pages of the snapshot: 0 … pages-1. */
  pages: number;
  nextPage: number;
}

export interface CascadeReport {
  cascadeId: string;
  worksTenantId: string;
  companyId: string;
  totals: CascadeTotals;
  pages: number;
}

/** Bounded de-duplication of delivery IDs carried in workflow state across continue-as-new. */
export function rememberDelivery(seen: string[], deliveryId: string, max = 200): boolean {
  if (seen.includes(deliveryId)) return false;
  seen.push(deliveryId);
  if (seen.length > max) seen.splice(0, seen.length - max);
  return true;
}

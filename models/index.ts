// The mongoose models, and one place to create their indexes.
import { CascadeOutcomeRecord } from './cascade-outcome';
import { Claim } from './claim';
import { CascadeReportRecord } from './cascade-report';
import { CascadeSnapshotPage } from './cascade-snapshot-page';
import { Delivery } from './delivery';
import { EmployeeLink } from './employee-link';
import { FreeeToken } from './freee-token';
import { InAppNotification } from './inapp-notification';
import { OrderView } from './order-view';
import { PartnerConsent } from './partner-consent';
import { PartnerLine } from './partner-line';
import { PartnerLineToken } from './partner-line-token';
import { WebhookEvent } from './webhook-event';
import { OAuthState } from './oauth-state';
import { ServiceToken } from './service-token';
import { TenantLink } from './tenant-link';

export { CascadeOutcomeRecord, cascadeOutcomeId } from './cascade-outcome';
export { Claim, claimOnce, releaseClaim } from './claim';
export { CascadeReportRecord } from './cascade-report';
export { CascadeSnapshotPage } from './cascade-snapshot-page';
export { Delivery } from './delivery';
export { EmployeeLink, employeeLinkId } from './employee-link';
export { FreeeToken, freeeTokenId } from './freee-token';
export { InAppNotification } from './inapp-notification';
export { OAuthState } from './oauth-state';
export { OrderView } from './order-view';
export { PartnerConsent } from './partner-consent';
export { PartnerLine } from './partner-line';
export { PartnerLineToken } from './partner-line-token';
export { WebhookEvent } from './webhook-event';
export { ServiceToken } from './service-token';
export { TenantLink } from './tenant-link';
export { connectMongo } from './connect';

export const ALL_MODELS = [TenantLink, EmployeeLink, ServiceToken, Delivery, CascadeOutcomeRecord, CascadeReportRecord, CascadeSnapshotPage, FreeeToken, OAuthState, Claim, PartnerConsent, PartnerLine, PartnerLineToken, InAppNotification, OrderView, WebhookEvent] as const;

/** Creates the declared indexes (idempotent); run at worker start and by the seed script. */
export async function ensureIndexes(): Promise<void> {
  for (const m of ALL_MODELS) await m.createIndexes();
}

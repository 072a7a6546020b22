// The activity factory: every side effect renkei's workflows perform, built from injected clients
// so tests and production wire the same code to emulated or real providers.
import type { Client } from '@temporalio/client';
import { Delivery } from '../models/delivery';
import { recordEmployeeLink, removeEmployeeLink } from './links/employee-link-records';
import { finishCascade } from './links/finish-cascade';
import { makeRevokeLinksPage } from './links/revoke-links-page';
import { makeRevokeSnapshotPage } from './links/revoke-snapshot-page';
import { snapshotCascadeLinks } from './links/snapshot-cascade-links';
import { makeResumeDeliveries } from './links/resume-deliveries';
import { makeReportTokenRefused } from './links/report-token-refused';
import { makeProbeAppInstallation } from './links/probe-app-installation';
import { activateTenantLink, markTenantRemoved, markTenantRemoving, markTenantSuspended, tenantLinkStatus } from './links/tenant-link-records';
import { makeRichMenuActivities } from './richmenu/richmenu-activities';
import type { LineWorksClient } from '../providers/lineworks/client';
import { makeDeliverLineWorks } from './notify/deliver-lineworks';
import { makeNotifyFreeeRecipients } from './notify/notify-freee-recipients';
import { resolveFreeeRecipients } from './notify/resolve-recipients';
import { makeOrderActivities } from './orders/order-activities';
import { makePartnerChannels } from './partners/deliver-channels';
import { makeDeliverPartnerNotification, markPartnerNotificationFailed } from './partners/deliver-notification';
import type { PartnerActivityDeps } from './partners/partner-deps';
import { recordPartnerLine, savePartnerLineState } from './partners/partner-line-records';
import { makePlanPartnerDelivery } from './partners/plan-delivery';

export interface ActivityDeps {
  lineWorks: LineWorksClient;
  freeeWebBaseUrl: string;
  /** For activities that signal other workflows (the cascade). */
  temporal: Client;
  /** Where the 人事労務 menu's [勤怠を登録する] leads. */
  freeeHrUrl: string;
  /** The Lansmart × LINE side: platform, LINE, SMTP. */
  partners: PartnerActivityDeps;
}

export function createActivities(deps: ActivityDeps) {
  const planPartnerDelivery = makePlanPartnerDelivery({ ...deps.partners, temporal: deps.temporal });
  const partnerChannels = makePartnerChannels(deps.partners);
  const orderActivities = makeOrderActivities({ lansmart: deps.partners.lansmart });
  return {
    resolveFreeeRecipients,
    deliverLineWorksMessage: makeDeliverLineWorks(deps),
    notifyFreeeRecipients: makeNotifyFreeeRecipients(deps),
    activateTenantLink,
    markTenantRemoving,
    markTenantRemoved,
    markTenantSuspended,
    tenantLinkStatus,
    reportTokenRefused: makeReportTokenRefused(deps.temporal),
    probeAppInstallation: makeProbeAppInstallation(deps.lineWorks),
    resumeSuspendedDeliveries: makeResumeDeliveries(deps.temporal),
    recordEmployeeLink,
    removeEmployeeLink,
    revokeLinksPage: makeRevokeLinksPage(deps.temporal),
    snapshotCascadeLinks,
    revokeSnapshotPage: makeRevokeSnapshotPage(deps.temporal),
    ...makeRichMenuActivities({ lineWorks: deps.lineWorks, freeeHrUrl: deps.freeeHrUrl }),
    finishCascade,
    ...orderActivities,
    planPartnerDelivery,
    ...partnerChannels,
    deliverPartnerNotification: makeDeliverPartnerNotification({ planPartnerDelivery, ...partnerChannels, saveOrderView: (input) => orderActivities.saveOrderView(input) }),
    markPartnerNotificationFailed,
    recordPartnerLine,
    savePartnerLineState,
    /** Marks a delivery that the workflow gave up on (non-retryable failure). */
    async markDeliveryFailed(input: { deliveryKey: string; error: string }): Promise<void> {
      await Delivery.updateOne({ _id: input.deliveryKey }, { $set: { status: 'failed', lastError: input.error } });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

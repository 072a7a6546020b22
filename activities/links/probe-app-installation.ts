// After LINE WORKS refused a tenant's token: is renkei's app still installed in that tenant, or did
// the admin remove it without renkei being told? Asks the auth server for a token of the tenant's
// service account (providers/lineworks/service-account-token.ts, `probe`). An answer that does not
// settle the question (LINE WORKS down, rate-limiting) fails the activity so Temporal retries it.
import type { AppInstallationProbe } from '../../common/links/types';
import type { LineWorksClient } from '../../providers/lineworks/client';
import { toApplicationFailure } from '../provider-failure';

export function makeProbeAppInstallation(lineWorks: LineWorksClient) {
  return async function probeAppInstallation(input: { worksTenantId: string; serviceAccountId: string }): Promise<AppInstallationProbe> {
    try {
      return await lineWorks.appInstallation({ worksTenantId: input.worksTenantId, serviceAccountId: input.serviceAccountId });
    } catch (err) {
      throw toApplicationFailure(err);
    }
  };
}

// The facts the approval rule (common/orders/approval-rule.ts) needs, looked up on the platform at
// the moment of the step, for every entry point that approves a 発注書 (the order page and the LINE
// chat): whether 口座情報 and 基本情報 are registered, and whether the partner confirmed.
import type { ApprovalChecks } from '../../common/orders/approval-rule';
import type { LansmartPlatformClient } from '../../providers/lansmart/platform-client';

export async function approvalChecks(platform: LansmartPlatformClient, partnerId: string, confirmed: boolean): Promise<ApprovalChecks> {
  const partner = await platform.getPartner(partnerId);
  return { bankAccount: Boolean(partner?.bankAccount), basicInfo: Boolean(partner?.basicInfo), confirmed };
}

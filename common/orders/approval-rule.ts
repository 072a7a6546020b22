// The one rule for approving a 発注書 (docs/flows/lansmart-line.md, 通知について ③–⑦), whatever the
// entry point (the order page, the LINE chat's [承認する], a direct update): 口座情報 first, then
// 基本情報, then the final check [実行する]. The API looks the facts up on the platform and passes
// them with the step; the order workflow's validator refuses a step that skips any of them.

/** What the caller established before asking for the approval. */
export interface ApprovalChecks {
  /** The platform has the partner's 口座情報. */
  bankAccount: boolean;
  /** The platform has the partner's 基本情報. */
  basicInfo: boolean;
  /** The partner confirmed at the final check (実行する). */
  confirmed: boolean;
}

/** The first thing still missing before the approval, in the help page's order. */
export type ApprovalMissing = 'bank_account' | 'basic_info' | 'confirmation';

export function missingForApproval(checks: ApprovalChecks | undefined): ApprovalMissing | undefined {
  if (!checks?.bankAccount) return 'bank_account';
  if (!checks.basicInfo) return 'basic_info';
  if (!checks.confirmed) return 'confirmation';
  return undefined;
}

/** The partner information part of the rule (what has to be registered before the final check). */
export function missingPartnerInfo(partner: { bankAccount?: unknown; basicInfo?: unknown }): Exclude<ApprovalMissing, 'confirmation'> | undefined {
  const missing = missingForApproval({ bankAccount: Boolean(partner.bankAccount), basicInfo: Boolean(partner.basicInfo), confirmed: true });
  return missing === 'confirmation' ? undefined : missing;
}

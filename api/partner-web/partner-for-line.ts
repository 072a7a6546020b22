// Which Lansmart partner a LINE login is for, and whether that partner may use LINE. For ユーザー
// 登録 the invitation names the partner and the LINE e-mail must be theirs; for ログイン the LINE
// e-mail finds the partner in the platform. Either way: LINEログインはパートナー様のみ (an
// address of a company user is refused as such), and only when the partner's company has the paid
// LINE option. The LINE-link workflow checks the e-mail again when it links.
import { PartnerLine } from '../../models/partner-line';
import type { LansmartPlatformClient, PlatformPartner, PlatformUser } from '../../providers/lansmart/platform-client';
import { PartnerSignInError } from '../web/error-pages';

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const isCompanyUserOnly = (users: PlatformUser[]): boolean => users.some((u) => u.kind === 'company_user') && !users.some((u) => u.kind === 'partner');

function usable(partner: PlatformPartner): PlatformPartner {
  if (!partner.lineOption) throw new PartnerSignInError('NO_LINE_OPTION', 'the partner’s company has no LINE option');
  return partner;
}

export async function partnerForRegistration(platform: LansmartPlatformClient, partnerId: string, lineEmail: string): Promise<PlatformPartner> {
  const partner = await platform.getPartner(partnerId);
  if (!partner) throw new PartnerSignInError('INVITATION_NOT_FOUND', 'the invited partner is unknown to the platform');
  if (!sameEmail(partner.email, lineEmail)) {
    if (isCompanyUserOnly(await platform.findUsersByEmail(lineEmail))) throw new PartnerSignInError('COMPANY_USER', 'the LINE e-mail is a company user’s');
    throw new PartnerSignInError('EMAIL_MISMATCH', 'the LINE e-mail is not the invited partner’s e-mail', { line: lineEmail, platform: partner.email });
  }
  return usable(partner);
}

export async function partnerForLogin(platform: LansmartPlatformClient, lineUserId: string, lineEmail: string): Promise<PlatformPartner> {
  const users = await platform.findUsersByEmail(lineEmail);
  const partnerIds = users.flatMap((u) => (u.kind === 'partner' ? [u.partnerId] : []));
  const linked = await PartnerLine.findOne({ lineUserId, status: 'linked' }, { _id: 1 }).lean();
  if (partnerIds.length === 0) {
    if (isCompanyUserOnly(users)) throw new PartnerSignInError('COMPANY_USER', 'the LINE e-mail is a company user’s');
    // A linked partner whose LINE address changed since is told so; anyone else is unknown.
    if (linked) {
      const partner = await platform.getPartner(linked._id);
      throw new PartnerSignInError('EMAIL_MISMATCH', 'the LINE e-mail is no longer the linked partner’s e-mail', partner ? { line: lineEmail, platform: partner.email } : undefined);
    }
    throw new PartnerSignInError('PARTNER_NOT_FOUND', 'no partner has the LINE e-mail');
  }
  // One address may be a partner of several companies: the one this LINE account is linked to first.
  const ordered = linked && partnerIds.includes(linked._id) ? [linked._id, ...partnerIds.filter((id) => id !== linked._id)] : partnerIds;
  let withoutOption: PlatformPartner | undefined;
  for (const id of ordered) {
    const partner = await platform.getPartner(id);
    if (!partner) continue;
    if (partner.lineOption) return partner;
    withoutOption ??= partner;
  }
  if (withoutOption) return usable(withoutOption);
  throw new PartnerSignInError('PARTNER_NOT_FOUND', 'the platform does not know the partners of the LINE e-mail');
}

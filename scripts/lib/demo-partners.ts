// The Lansmart side of the embedded stack's demo: a company 「株式会社サンプル商事」 that bought the
// LINE option, with an ordering user; a partner invited to register (山田 花子, not registered yet);
// and her LINE account with the same e-mail — enough to walk registration, login and an order's
// life in a browser. LINE passwords are "password".
import type { LansmartControl } from '../../emulators/lansmart/control-client';
import type { LineControl } from '../../emulators/line/control-client';

export const DEMO_PARTNERS = {
  companyId: 'demo-company',
  companyName: '株式会社サンプル商事',
  companyUser: { email: 'order@sample-shoji.example', name: '発注 太郎' },
  partner: { partnerId: 'demo-partner', email: 'hanako@partner.example', name: '山田 花子', invitationToken: 'demo-invitation' },
  lineUser: { userId: `U${'d0e1f2a3'.repeat(4)}`, displayName: 'はなこ' },
} as const;

/** ユーザー登録 page of the demo partner's invitation. */
export const demoRegistrationPath = (): string => `/partner/register?invitation=${DEMO_PARTNERS.partner.invitationToken}`;

export async function seedDemoPartners(line: LineControl, lansmart: LansmartControl): Promise<void> {
  const d = DEMO_PARTNERS;
  await lansmart.seed({
    companies: [{ companyId: d.companyId, name: d.companyName, lineOption: true, users: [d.companyUser] }],
    partners: [{ partnerId: d.partner.partnerId, companyId: d.companyId, email: d.partner.email, name: d.partner.name, invitationToken: d.partner.invitationToken }],
  });
  await line.seed({ users: [{ userId: d.lineUser.userId, displayName: d.lineUser.displayName, email: d.partner.email }] });
}

// The Lansmart side of the embedded stack's demo: a company 「株式会社サンプル商事」 that bought the
// LINE option, with an ordering user; a partner invited to register (山田 花子, not registered yet);
// and her LINE account with the same e-mail — enough to walk registration, login and an order's
// life in a browser. Beside them, an account for each refusal page: a partner whose LINE address
// is not the one the platform has, the ordering user's own LINE account (a company user), and a
// partner of a company without the LINE option. LINE passwords are "password".
import type { LansmartControl } from '../../emulators/lansmart/control-client';
import type { LineControl } from '../../emulators/line/control-client';

export const DEMO_PARTNERS = {
  companyId: 'demo-company',
  companyName: '株式会社サンプル商事',
  companyUser: { email: 'order@sample-shoji.example', name: '発注 太郎' },
  partner: { partnerId: 'demo-partner', email: 'hanako@partner.example', name: '山田 花子', invitationToken: 'demo-invitation' },
  lineUser: { userId: `U${'d0e1f2a3'.repeat(4)}`, displayName: 'はなこ' },
  /** The refusal pages: who to sign in to LINE as, and which page opens. */
  refusals: {
    /** ユーザー登録 from `demo-invitation-mismatch` as jiro@line.example: the e-mail mismatch page. */
    mismatch: { partnerId: 'demo-partner-mismatch', email: 'jiro@partner.example', name: '佐藤 次郎', invitationToken: 'demo-invitation-mismatch', lineEmail: 'jiro@line.example', lineUserId: `U${'a1b2c3d4'.repeat(4)}` },
    /** 「LINEでログイン」 as order@sample-shoji.example: the company-user page. */
    companyUser: { lineUserId: `U${'b2c3d4e5'.repeat(4)}` },
    /** ユーザー登録 from `demo-invitation-no-line` as kenta@partner.example: the no-LINE-option page. */
    noLineOption: { companyId: 'demo-company-no-line', companyName: '株式会社メール商会', partnerId: 'demo-partner-no-line', email: 'kenta@partner.example', name: '鈴木 健太', invitationToken: 'demo-invitation-no-line', lineUserId: `U${'c3d4e5f6'.repeat(4)}` },
  },
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
  await seedRefusalAccounts(line, lansmart);
}

/** The accounts of the refusal pages (seeding them again changes nothing; 山田 花子 is left as she is). */
export async function seedRefusalAccounts(line: LineControl, lansmart: LansmartControl): Promise<void> {
  const d = DEMO_PARTNERS;
  const { mismatch, companyUser, noLineOption } = d.refusals;
  await lansmart.seed({
    companies: [
      { companyId: d.companyId, name: d.companyName, lineOption: true, users: [d.companyUser] },
      { companyId: noLineOption.companyId, name: noLineOption.companyName, lineOption: false, users: [] },
    ],
    partners: [
      { partnerId: mismatch.partnerId, companyId: d.companyId, email: mismatch.email, name: mismatch.name, invitationToken: mismatch.invitationToken },
      { partnerId: noLineOption.partnerId, companyId: noLineOption.companyId, email: noLineOption.email, name: noLineOption.name, invitationToken: noLineOption.invitationToken },
    ],
  });
  await line.seed({
    users: [
      { userId: mismatch.lineUserId, displayName: 'じろう', email: mismatch.lineEmail },
      { userId: companyUser.lineUserId, displayName: '発注 太郎', email: d.companyUser.email },
      { userId: noLineOption.lineUserId, displayName: 'けんた', email: noLineOption.email },
    ],
  });
}

// Test data of the Lansmart side: a fresh company and partner per test in the platform emulator
// (so tests never see each other's records), orders created there, and what a partner received
// on each channel.
import { randomInt } from 'node:crypto';
import type { Order } from '../../emulators/lansmart/order';
import type { PartnerNotificationKind } from '../../common/partners/notifications';
import { InAppNotification } from '../../models/inapp-notification';
import { jstDate } from '../../common/orders/schedule';
import { stack } from './stack';

export interface SeededPartner {
  companyId: string;
  partnerId: string;
  email: string;
  invitationToken: string;
  companyUserEmail: string;
}

export async function seedPartner(options: { lineOption?: boolean; registered?: boolean } = {}): Promise<SeededPartner> {
  const s = stack();
  const n = randomInt(1_000_000, 9_999_999);
  const p: SeededPartner = {
    companyId: `c-${n}`,
    partnerId: `p-${n}`,
    email: `partner-${n}@partner.example`,
    invitationToken: `inv-${n}`,
    companyUserEmail: `boss-${n}@company.example`,
  };
  await s.lansmart.seed({
    apiKey: s.secrets.lansmartApiKey,
    companies: [{ companyId: p.companyId, name: `株式会社テスト${n}`, lineOption: options.lineOption ?? true, users: [{ email: p.companyUserEmail, name: '発注 太郎' }] }],
    partners: [
      {
        partnerId: p.partnerId,
        companyId: p.companyId,
        email: p.email,
        name: '山田 花子',
        invitationToken: p.invitationToken,
        ...(options.registered === false
          ? {}
          : {
              basicInfo: { name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '東京都渋谷区神宮前1-1-1' },
              bankAccount: { bankName: 'テスト銀行', branchName: '本店', accountType: 'ordinary' as const, accountNumber: '1234567', accountHolderKana: 'ヤマダ ハナコ' },
            }),
      },
    ],
  });
  return p;
}

/** 発注書を作成 in the platform, closing today (JST of `nowMs`) unless told otherwise. */
export async function createPlatformOrder(partner: SeededPartner, nowMs: number, closingDate: string = jstDate(new Date(nowMs))): Promise<Order> {
  const { order } = await stack().lansmart.createOrder({
    partnerId: partner.partnerId,
    title: 'Webサイト改修',
    amountYen: 300_000,
    workPeriod: { from: closingDate.slice(0, 8) + '01', to: closingDate },
    closingDate,
  });
  return order;
}

/** The in-app notifications a partner received, oldest first, optionally of one kind. */
export async function inAppOf(partnerId: string, kind?: PartnerNotificationKind): Promise<Array<{ kind: string; title: string; path: string; orderId?: string | null }>> {
  const docs = await InAppNotification.find({ partnerId, ...(kind ? { kind } : {}) }).sort({ createdAt: 1 }).lean();
  return docs.map((d) => ({ kind: d.kind, title: d.title, path: d.path, orderId: d.orderId ?? null }));
}

export async function mailSubjectsTo(email: string): Promise<string[]> {
  return (await stack().mail.messages({ to: email })).map((m) => m.subject ?? '');
}

/** The approval as the API sends it once the partner's 口座情報, 基本情報 and final check are done. */
export const CHECKED_APPROVAL = { type: 'order.approve', checks: { bankAccount: true, basicInfo: true, confirmed: true } } as const;

// The wire contract of Lansmart seeding (`POST /_emulator/seed`, merged into what is there): the
// platform API key renkei uses, where and with which secret events go, companies (with their
// users and whether they bought the LINE option) and their partners. Pure (zod only) so the
// control client shares the types.

import { z } from 'zod';
import { bankAccountSchema, basicInfoSchema } from './partner-info';

export const seedCompanyUserSchema = z.strictObject({
  email: z.string().min(1),
  name: z.string().min(1),
});

export const seedCompanySchema = z.strictObject({
  companyId: z.string().min(1),
  name: z.string().min(1),
  /** The paid LINE option (LINEとのAPI連携). */
  lineOption: z.boolean(),
  users: z.array(seedCompanyUserSchema).default([]),
});

export const seedPartnerSchema = z.strictObject({
  partnerId: z.string().min(1),
  companyId: z.string().min(1),
  email: z.string().min(1),
  name: z.string().min(1).optional(),
  /** The token of the partner's invitation link (ユーザー登録); none when absent. */
  invitationToken: z.string().min(1).optional(),
  /** Present (not null) means the partner has registered. */
  basicInfo: basicInfoSchema.nullable().optional(),
  bankAccount: bankAccountSchema.nullable().optional(),
});

export const lansmartSeedSchema = z.strictObject({
  /** `Authorization: Bearer <apiKey>` of the platform API. */
  apiKey: z.string().min(1).optional(),
  /** renkei's signed event endpoint. */
  eventTargetUrl: z.url({ protocol: /^https?$/ }).optional(),
  eventSecret: z.string().min(1).optional(),
  /** [emulator] when true, order.approve needs the partner's 基本情報 and 口座情報 first (409 PARTNER_INFO_REQUIRED). */
  requirePartnerInfoForApproval: z.boolean().optional(),
  companies: z.array(seedCompanySchema).default([]),
  partners: z.array(seedPartnerSchema).default([]),
});

export type LansmartSeed = z.input<typeof lansmartSeedSchema>;
export type LansmartSeedParsed = z.output<typeof lansmartSeedSchema>;
export type LansmartCompany = z.output<typeof seedCompanySchema>;
export type LansmartPartnerSeed = z.output<typeof seedPartnerSchema>;

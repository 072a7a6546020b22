// The wire contract of freee seeding (`POST /_emulator/seed`): companies (事業所), users with their
// password and their role in each company, and OAuth apps. Pure (zod only) so the control client
// shares the types.

import { z } from 'zod';

export const DEFAULT_FREEE_PASSWORD = 'password';

/** A 事業所 with the fields of freee's company schema (docs/providers/freee.md#businesses); unset ones answer null or freee's default. */
export const seedCompanySchema = z.strictObject({
  id: z.number().int().positive(),
  /** 事業所の正式名称 (≤100), e.g. "フリー株式会社". */
  name: z.string().min(1).max(100),
  /** 表示名; defaults to `name`. */
  display_name: z.string().min(1).optional(),
  /** 正式名称フリガナ (≤100). */
  name_kana: z.string().max(100).optional(),
  /** 事業所番号: 10 half-width alphanumerics; derived from the id when absent. */
  company_number: z.string().regex(/^[0-9a-z]{10}$/, 'company_number is 10 half-width alphanumerics').optional(),
  /** 法人番号: 13 digits for a corporation, "" for a sole proprietor (the default). */
  corporate_number: z.union([z.literal(''), z.string().regex(/^\d{13}$/, 'corporate_number is 13 digits')]).optional(),
  /** 事業所種別: 1 法人 (default), 2 個人事業主. */
  org_code: z.union([z.literal(1), z.literal(2)]).optional(),
  contact_name: z.string().max(50).optional(),
  phone1: z.string().optional(),
  zipcode: z.string().optional(),
  /** -1 (not set) .. 46 (沖縄); 12 is 東京. */
  prefecture_code: z.number().int().min(-1).max(46).optional(),
  street_name1: z.string().optional(),
  street_name2: z.string().optional(),
  /** 会計年度の期首 (YYYY-MM-DD); defaults to 1 January of the current year. */
  fiscal_year_start: z.iso.date().optional(),
});

/** freee's roles of a user in a business (`GET /api/1/users/me?companies=true`). */
export const FREEE_ROLES = ['admin', 'simple_accounting', 'self_only', 'read_only', 'workflow', 'product_linkage'] as const;

export const seedMembershipSchema = z.strictObject({
  id: z.number().int().positive(),
  role: z.enum(FREEE_ROLES).default('admin'),
  use_custom_role: z.boolean().default(false),
});

export const seedFreeeUserSchema = z.strictObject({
  id: z.number().int().positive(),
  email: z.string().min(1),
  /** Password of the emulator's login page (default "password"). */
  password: z.string().min(1).optional(),
  display_name: z.string().min(1).optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  companies: z.array(seedMembershipSchema).default([]),
});

export const seedFreeeAppSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** Matched exactly at authorize and token time. */
  redirectUris: z.array(z.url({ protocol: /^https?$/ })).min(1),
  /** Shown on the consent page. */
  name: z.string().min(1).optional(),
});

export const freeeSeedSchema = z.strictObject({
  companies: z.array(seedCompanySchema).default([]),
  users: z.array(seedFreeeUserSchema).default([]),
  apps: z.array(seedFreeeAppSchema).default([]),
});

export type FreeeSeed = z.input<typeof freeeSeedSchema>;
export type FreeeSeedParsed = z.output<typeof freeeSeedSchema>;
export type FreeeCompany = z.output<typeof seedCompanySchema>;
export type FreeeUser = z.output<typeof seedFreeeUserSchema> & { password: string };
export type FreeeApp = z.output<typeof seedFreeeAppSchema>;

// The wire contract of freee seeding (`POST /_emulator/seed`): companies (事業所), users with their
// password and their role in each company, and OAuth apps. Pure (zod only) so the control client
// shares the types.

import { z } from 'zod';

export const DEFAULT_FREEE_PASSWORD = 'password';

export const seedCompanySchema = z.strictObject({
  id: z.number().int().positive(),
  /** 事業所名, e.g. "フリー株式会社". */
  name: z.string().min(1),
  /** Defaults to `name`. */
  display_name: z.string().min(1).optional(),
  name_kana: z.string().optional(),
});

export const seedMembershipSchema = z.strictObject({
  id: z.number().int().positive(),
  /** freee's roles: admin, simple_accounting, self_only, read_only, workflow, product_linkage (any string is kept). */
  role: z.string().min(1).default('admin'),
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

// The three agreements of ユーザー登録 (docs/flows/lansmart-line.md ①): 利用規約, プライバシーポリシー and 下請取引に
// おける電磁的記録の提供. Each is required; the form posts the ticked ones as `consent` values.
import { z } from 'zod';

export const CONSENTS = ['terms', 'privacy', 'electronic_records'] as const;
export type Consent = (typeof CONSENTS)[number];

const consentValues = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** The agreements a posted form ticked (unknown values are ignored). */
export function tickedConsents(value: unknown): Set<Consent> {
  const parsed = consentValues.safeParse(value);
  const given = parsed.success ? parsed.data : [];
  return new Set(CONSENTS.filter((c) => given.includes(c)));
}

export const allConsented = (ticked: Set<Consent>): boolean => CONSENTS.every((c) => ticked.has(c));

// The three agreements of ユーザー登録 (docs/flows/lansmart-line.md ①): 利用規約, プライバシーポリシー and 下請取引に
// おける電磁的記録の提供. Each is required; the form posts the ticked ones as `consent` values, and
// they are recorded (which version, when, on which path) before the partner can be registered.
import { z } from 'zod';
import { agreedConsents, recordConsents, type ConsentRecord } from '../../models/partner-consent';

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

/** The version of each agreement the pages show today; a new version asks every partner again before registration. */
export const CONSENT_VERSIONS: Record<Consent, string> = { terms: '2025-09-16', privacy: '2025-09-16', electronic_records: '2025-09-16' };

/** Records the three agreements, at their current versions, given at `agreedAt` on `via`. */
export function recordAllConsents(partnerId: string, agreedAt: Date, via: ConsentRecord['via']): Promise<void> {
  return recordConsents(
    partnerId,
    CONSENTS.map((kind) => ({ kind, version: CONSENT_VERSIONS[kind], agreedAt, via })),
  );
}

/** The partner agreed to the current version of all three. */
export async function hasAllConsents(partnerId: string): Promise<boolean> {
  const agreed = await agreedConsents(partnerId);
  return CONSENTS.every((c) => agreed.has(`${c}@${CONSENT_VERSIONS[c]}`));
}

// The agreements of ユーザー登録 a partner gave (docs/flows/lansmart-line.md, ユーザー登録 ①): 利用規約,
// プライバシーポリシー and 下請取引における電磁的記録の提供 — the legal basis for sending 発注書
// electronically — each with the version agreed to and when, and on which path (the registration
// page, or the consent step of a login before registration). `_id` is the partnerId; a later
// agreement to a newer version adds to the list.
import { Schema, model, type InferSchemaType } from 'mongoose';

const partnerConsentSchema = new Schema(
  {
    _id: { type: String, required: true },
    consents: [
      {
        _id: false,
        kind: { type: String, required: true },
        version: { type: String, required: true },
        agreedAt: { type: Date, required: true },
        via: { type: String, enum: ['register', 'login'], required: true },
      },
    ],
  },
  { collection: 'partner_consents', timestamps: true, versionKey: false },
);

export type PartnerConsentDoc = InferSchemaType<typeof partnerConsentSchema>;
export const PartnerConsent = model('PartnerConsent', partnerConsentSchema);

export interface ConsentRecord {
  kind: string;
  version: string;
  agreedAt: Date;
  via: 'register' | 'login';
}

/** Records agreements (once per kind and version: a repeated step adds nothing). */
export async function recordConsents(partnerId: string, records: ConsentRecord[]): Promise<void> {
  const existing = await PartnerConsent.findById(partnerId, { consents: 1 }).lean();
  const known = new Set((existing?.consents ?? []).map((c) => `${c.kind}@${c.version}`));
  const fresh = records.filter((r) => !known.has(`${r.kind}@${r.version}`));
  if (fresh.length === 0) return;
  await PartnerConsent.updateOne({ _id: partnerId }, { $push: { consents: { $each: fresh } } }, { upsert: true });
}

/** The (kind, version) pairs the partner agreed to. */
export async function agreedConsents(partnerId: string): Promise<Set<string>> {
  const doc = await PartnerConsent.findById(partnerId, { consents: 1 }).lean();
  return new Set((doc?.consents ?? []).map((c) => `${c.kind}@${c.version}`));
}

// Exactly-once claims: inserting a document with a given `_id` succeeds for one caller only (the
// unique `_id`), on MongoDB and on the embedded Mongo-wire server alike — unlike a
// read-then-write compare-and-set, which the embedded server does not make atomic across
// connections. Used for single-use OAuth states and for the freee refresh lease.
import { Schema, model } from 'mongoose';

const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    /** A claim past this instant may be taken over (a lease whose holder died). */
    expiresAt: { type: Date, required: true },
  },
  { collection: 'claims', versionKey: false },
);

export const Claim = model('Claim', claimSchema);

function isDuplicate(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** True for the one caller that claims `key`; an expired claim is taken over. */
export async function claimOnce(key: string, owner: string, ttlMs: number): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await Claim.create({ _id: key, owner, expiresAt: new Date(Date.now() + ttlMs) });
      return true;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
    // Someone holds it: take it over only if it has expired (then race fairly for it again).
    const removed = await Claim.deleteOne({ _id: key, expiresAt: { $lt: new Date() } });
    if (removed.deletedCount === 0) return false;
  }
  return false;
}

export async function releaseClaim(key: string, owner: string): Promise<void> {
  await Claim.deleteOne({ _id: key, owner });
}

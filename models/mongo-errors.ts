// Recognises MongoDB's duplicate-key error (E11000), which both MongoDB and FerretDB raise for a
// unique-index violation: the signal that a uniqueness rule was hit.
import mongoose from 'mongoose';

export const isDuplicateKey = (err: unknown): boolean => err instanceof mongoose.mongo.MongoServerError && err.code === 11000;

/** True when a bulk insert failed only because some documents already existed. */
export function onlyDuplicateKeys(err: unknown): boolean {
  if (isDuplicateKey(err)) return true;
  const writeErrors = (err as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> } | null)?.writeErrors;
  return Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
}

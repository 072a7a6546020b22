// Post → redirect → get for forms that did not go through: the post keeps what the page must show
// (each field's problem, what was typed, a message) under the form's name for the person who posted
// it, answers 303 to the form's page, and that page takes it — once — when it renders. So a reload
// or Back after a post loads a page by GET and never asks to send the form again.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FormFlashRecord } from '../../models/form-flash';

/** Long enough for the redirect that follows the post; a flash never taken is gone after this. */
const KEEP_MS = 10 * 60_000;

const flashId = (owner: string, form: string): string => createHash('sha256').update(`${owner}\n${form}`).digest('base64url');

/** Field values and problems as the pages take them: field name → text, field name → problem code. */
export const flashFields = z.record(z.string().max(200), z.string().max(4000));

/** Keeps `data` for the next render of `form` by `owner` (a session's `sid`, a browser's cookie). */
export async function keepFlash(owner: string, form: string, data: Record<string, unknown>): Promise<void> {
  await FormFlashRecord.updateOne({ _id: flashId(owner, form) }, { $set: { data, expiresAt: new Date(Date.now() + KEEP_MS) } }, { upsert: true });
}

/** Takes (reads and deletes) what was kept for `form`; undefined when nothing, expired or not of `schema`'s shape. */
export async function takeFlash<T>(owner: string, form: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const doc = await FormFlashRecord.findOneAndDelete({ _id: flashId(owner, form) }).lean();
  if (!doc || doc.expiresAt.getTime() <= Date.now()) return undefined;
  const parsed = schema.safeParse(doc.data);
  return parsed.success ? parsed.data : undefined;
}

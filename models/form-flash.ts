// What a partner's form showed after a post that did not go through — each field's problem and
// what was typed — kept on the server for the page the post redirects to (post → redirect → get),
// shown there once and then deleted. Keyed by a hash of the session (or browser) and the form, so
// only the person who posted sees it. Expiry is an explicit `expiresAt` checked on read (the
// embedded Mongo-wire server has no TTL indexes); lookups are by `_id` only.
import { Schema, model, type InferSchemaType } from 'mongoose';

const formFlashSchema = new Schema(
  {
    /** SHA-256 of the owner (session `sid` or browser cookie) and the form's name. */
    _id: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'form_flashes', timestamps: true, versionKey: false, minimize: false },
);

export type FormFlashDoc = InferSchemaType<typeof formFlashSchema>;
export const FormFlashRecord = model('FormFlash', formFlashSchema);

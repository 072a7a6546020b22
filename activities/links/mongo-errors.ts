// Recognises MongoDB's duplicate-key error (E11000), which both MongoDB and FerretDB raise for a
// unique-index violation: the signal that a uniqueness rule was hit.
import mongoose from 'mongoose';

export const isDuplicateKey = (err: unknown): boolean => err instanceof mongoose.mongo.MongoServerError && err.code === 11000;

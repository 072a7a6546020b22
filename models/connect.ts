// Opens the mongoose connection with settings that suit both MongoDB and the embedded
// Mongo-wire server (no transactions, no TTL; indexes created explicitly by ensureIndexes).
import mongoose from 'mongoose';

export async function connectMongo(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  return mongoose.connect(uri, {
    autoIndex: false,
    serverSelectionTimeoutMS: 10_000,
  });
}

// "Is a MongoDB-wire server answering at this URI?" — a real `ping` through the driver.
import mongoose from 'mongoose';

const { MongoClient } = mongoose.mongo;

export async function mongoPing(uri: string, timeoutMs: number): Promise<boolean> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  });
  try {
    await client.connect();
    const answer = await client.db('admin').command({ ping: 1 });
    return answer.ok === 1;
  } finally {
    await client.close();
  }
}

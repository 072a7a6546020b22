// What an outsider with the databases sees: every Mongo collection's documents, and the raw history
// and description of every workflow as the Temporal server stores them — read with a client that
// has no payload codec, so an encrypted payload stays ciphertext. Tests search these for personal
// data that must not be there in clear.
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import mongoose from 'mongoose';
import { stack } from './stack';

export interface Dump {
  /** Where the bytes come from: a collection, or a workflow's history or description. */
  source: string;
  bytes: Buffer;
}

/** Every document of every collection of the test database, as extended JSON. */
export async function dumpMongo(): Promise<Dump[]> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected to Mongo');
  const dumps: Dump[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const docs = await db.collection(name).find({}).toArray();
    dumps.push({ source: `mongo:${name}`, bytes: Buffer.from(JSON.stringify(docs), 'utf8') });
  }
  return dumps;
}

/** The client without the codec: what the Temporal server (or its database) holds, byte for byte. */
export function rawTemporalClient(): Client {
  const s = stack();
  return new Client({ connection: s.env.connection, namespace: s.env.namespace ?? 'default' });
}

/** The raw history and description (search attributes, memo, summary) of every workflow run. */
export async function dumpWorkflows(query?: string): Promise<Dump[]> {
  const client = rawTemporalClient();
  const dumps: Dump[] = [];
  for await (const wf of client.workflow.list(query ? { query } : {})) {
    const handle = client.workflow.getHandle(wf.workflowId, wf.runId);
    const history = await handle.fetchHistory();
    dumps.push({ source: `history:${wf.workflowId}`, bytes: Buffer.from(temporal.api.history.v1.History.encode(history).finish()) });
    const { raw } = await handle.describe();
    dumps.push({ source: `describe:${wf.workflowId}`, bytes: Buffer.from(temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse.encode(raw).finish()) });
  }
  return dumps;
}

/** `source: value` for each secret found in clear (as UTF-8 or base64) in a dump. */
export function findInClear(dumps: Dump[], secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const d of dumps) {
    for (const [name, value] of Object.entries(secrets)) {
      if (d.bytes.includes(Buffer.from(value, 'utf8')) || d.bytes.includes(Buffer.from(Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, '')))) {
        found.push(`${d.source}: ${name}`);
      }
    }
  }
  return found;
}

// `npm run bench:mongo-wire`: what one lookup costs on the Mongo-wire server that the embedded
// stack uses (FerretDB from FERRETDB_PATH or the cache), at 1,000 / 10,000 / 20,000 documents:
// findOne and updateOne by `_id` (renkei's hot paths) against a query on another field (a scan
// on FerretDB). Run it with FERRETDB_PATH set to another build to compare builds.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { ensureAll } from '../scripts/binaries';
import { startMongoWire } from '../scripts/services/mongo-wire';
import { onFreePort } from '../scripts/services/ports';
import { say } from './local-stack';
import { round } from './stats';

const SIZES = [1_000, 10_000, 20_000];
const PROBES = 200;

async function timePerCall(n: number, call: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await call(i);
  return (performance.now() - t0) / n;
}

async function main(): Promise<void> {
  await ensureAll({ build: true, log: say });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renkei-mongo-bench-'));
  const mongo = await onFreePort((port) => startMongoWire({ dataDir: dir, port, log: say }));
  await mongoose.connect(`${mongo.uri.replace(/\/$/, '')}/renkei_lookup_bench`);
  const db = mongoose.connection.db;
  if (!db) throw new Error('no database handle');
  const docs = db.collection<{ _id: string; n: number; tenant: string }>('docs');
  say(`Mongo-wire server: ${mongo.kind}\n`);
  say('| documents | findOne by _id ms | updateOne by _id ms | findOne by another field ms |');
  say('|----------:|------------------:|--------------------:|----------------------------:|');
  let count = 0;
  for (const size of SIZES) {
    while (count < size) {
      const batch = Math.min(1000, size - count);
      await docs.insertMany(Array.from({ length: batch }, (_, j) => ({ _id: `doc-${String(count + j).padStart(6, '0')}`, n: count + j, tenant: `t-${(count + j) % 50}` })));
      count += batch;
    }
    const key = (i: number): string => `doc-${String((i * 7919) % size).padStart(6, '0')}`;
    const byId = await timePerCall(PROBES, (i) => docs.findOne({ _id: key(i) }));
    const update = await timePerCall(PROBES, (i) => docs.updateOne({ _id: key(i) }, { $set: { touched: i } }));
    const other = await timePerCall(Math.max(5, PROBES / 20), (i) => docs.findOne({ n: (i * 7919) % size }));
    say(`| ${String(size).padStart(9)} | ${String(round(byId, 2)).padStart(17)} | ${String(round(update, 2)).padStart(19)} | ${String(round(other, 1)).padStart(27)} |`);
  }
  await mongoose.disconnect();
  await mongo.stop();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:mongo-wire: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

// Records the history of every workflow a test ran, for the replay suite
// (test/integration/histories/). Off unless RENKEI_RECORD_HISTORIES names a directory: then each
// test's workflows (found by start time in visibility) are written there as
// `<type>-<test title>-v1.json`, the first of each type per test. Pick the ones worth keeping and
// rename them `<type>-<scenario>-v<n>.json` (see README, "Recording a history").
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { IntegrationStack } from './stack';

export const RECORD_DIR = process.env.RENKEI_RECORD_HISTORIES;

/** `tenantLinkWorkflow` → `tenant-link`. */
export const historyTypeName = (workflowType: string): string =>
  workflowType
    .replace(/Workflow$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();

const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

const ENCRYPTED = Buffer.from('binary/encrypted').toString('base64');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Decodes every encrypted payload of a history (JSON form, bytes in base64) with the stack's
 * codecs: the replay suite runs without the test's random payload keys.
 */
async function decodePayloads(node: Json, codecs: readonly PayloadCodec[]): Promise<Json> {
  if (Array.isArray(node)) return Promise.all(node.map((n) => decodePayloads(n, codecs)));
  if (node === null || typeof node !== 'object') return node;
  const metadata = node.metadata;
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata) && metadata.encoding === ENCRYPTED && typeof node.data === 'string') {
    let payload: Payload = {
      metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, Buffer.from(typeof v === 'string' ? v : '', 'base64')])),
      data: Buffer.from(node.data, 'base64'),
    };
    for (const codec of [...codecs].reverse()) [payload] = (await codec.decode([payload])) as [Payload];
    return {
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])),
      data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
    };
  }
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) out[k] = await decodePayloads(v, codecs);
  return out;
}

/** Writes the histories of the workflows started since `since`; returns the files written. */
export async function recordHistories(s: IntegrationStack, since: Date, testTitle: string): Promise<string[]> {
  if (RECORD_DIR === undefined || RECORD_DIR === '') return [];
  mkdirSync(RECORD_DIR, { recursive: true });
  const written: string[] = [];
  const seenTypes = new Set<string>();
  for await (const wf of s.env.client.workflow.list({ query: `StartTime >= "${since.toISOString()}"` })) {
    if (seenTypes.has(wf.type)) continue;
    seenTypes.add(wf.type);
    written.push(await writeHistory(s, wf.workflowId, wf.runId, join(RECORD_DIR, `${historyTypeName(wf.type)}-${slug(testTitle)}-v1.json`)));
  }
  return written;
}

/**
 * Writes one workflow's history, payloads decoded, to `file` (the time-skipping server lists no
 * workflows: its tests name the one to keep).
 */
export async function writeHistory(s: IntegrationStack, workflowId: string, runId: string | undefined, file: string): Promise<string> {
  const history = await s.env.client.workflow.getHandle(workflowId, runId).fetchHistory();
  const raw = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(history), { longs: String, enums: String, bytes: String }) as Json;
  const json = await decodePayloads(raw, s.dataConverter.payloadCodecs ?? []);
  writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
  return file;
}

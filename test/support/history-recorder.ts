// Records the history of every workflow a test ran, for the replay suite
// (test/integration/histories/). Off unless RENKEI_RECORD_HISTORIES names a directory: then each
// test's workflows (found by start time in visibility) are written there as
// `<type>-<test title>-v1.json`, the first of each type per test. Pick the ones worth keeping and
// rename them `<type>-<scenario>-v<n>.json` (see README, "Recording a history").
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Writes the histories of the workflows started since `since`; returns the files written. */
export async function recordHistories(s: IntegrationStack, since: Date, testTitle: string): Promise<string[]> {
  if (RECORD_DIR === undefined || RECORD_DIR === '') return [];
  mkdirSync(RECORD_DIR, { recursive: true });
  const written: string[] = [];
  const seenTypes = new Set<string>();
  for await (const wf of s.env.client.workflow.list({ query: `StartTime >= "${since.toISOString()}"` })) {
    if (seenTypes.has(wf.type)) continue;
    seenTypes.add(wf.type);
    const history = await s.env.client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    const json = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(history), { longs: String, enums: String, bytes: String });
    const file = join(RECORD_DIR, `${historyTypeName(wf.type)}-${slug(testTitle)}-v1.json`);
    writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
    written.push(file);
  }
  return written;
}

// `npx tsx scripts/refresh-freee-contract.ts --commit <sha> [--from <api-schema.json>]`: refreshes
// test/contracts/freee/accounting-api.json, the part of freee's published accounting OpenAPI
// (github.com/freee/freee-api-schema, v2020_06_15/open-api-3/api-schema.json, MIT) that renkei and
// the freee emulator speak: the operations listed below with every schema they reference, and the
// source commit. Without --from it downloads that file at the commit from GitHub. The contract test
// (test/unit/contracts-freee.test.ts) validates renkei's requests and the emulator's answers
// against it.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const REPOSITORY = 'https://github.com/freee/freee-api-schema';
const SCHEMA_PATH = 'v2020_06_15/open-api-3/api-schema.json';
export const CONTRACT_FILE = join(__dirname, '..', 'test', 'contracts', 'freee', 'accounting-api.json');

/** The operations renkei calls (providers/freee/api-client.ts) or the emulator serves (emulators/freee/api-route.ts). */
export const OPERATIONS: ReadonlyArray<{ path: string; method: 'get' }> = [
  { path: '/api/1/users/me', method: 'get' },
  { path: '/api/1/companies', method: 'get' },
  { path: '/api/1/companies/{id}', method: 'get' },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function refsIn(value: Json, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.add(item);
      else refsIn(item, found);
    }
  }
}

/** The subset: the listed operations, and the components they reach (transitively). */
export function subset(full: { [key: string]: Json }, commit: string): { [key: string]: Json } {
  const paths = full.paths as { [path: string]: { [method: string]: Json } };
  const picked: { [path: string]: { [method: string]: Json } } = {};
  for (const { path, method } of OPERATIONS) {
    const operation = paths[path]?.[method];
    if (operation === undefined) throw new Error(`${method.toUpperCase()} ${path} is not in the schema`);
    picked[path] = { ...picked[path], [method]: operation };
  }
  const components = full.components as { [section: string]: { [name: string]: Json } };
  const kept: { [section: string]: { [name: string]: Json } } = {};
  const pending = new Set<string>();
  refsIn(picked, pending);
  const seen = new Set<string>();
  while (pending.size > 0) {
    const [ref] = pending;
    if (ref === undefined) break;
    pending.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    if (match === null) throw new Error(`unsupported $ref ${ref}`);
    const [, section = '', name = ''] = match;
    const target = components[section]?.[name];
    if (target === undefined) throw new Error(`${ref} is not in the schema`);
    kept[section] = { ...kept[section], [name]: target };
    refsIn(target, pending);
  }
  if (components.securitySchemes !== undefined) kept.securitySchemes = components.securitySchemes;
  const info = full.info as { [key: string]: Json };
  return {
    openapi: full.openapi ?? '3.0.1',
    info: {
      title: info.title ?? 'freee会計 API',
      version: info.version ?? '',
      'x-copyright': info['x-copyright'] ?? null,
      'x-renkei-source': { repository: REPOSITORY, path: SCHEMA_PATH, commit, licence: 'MIT, Copyright (c) 2019 freee K.K. (MIT-LICENCE beside this file)' },
    },
    servers: full.servers ?? [],
    paths: picked,
    components: kept,
    ...(full.security === undefined ? {} : { security: full.security }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { commit: { type: 'string' }, from: { type: 'string' } } });
  if (values.commit === undefined || !/^[0-9a-f]{40}$/.test(values.commit)) throw new Error('--commit <40-hex sha of freee/freee-api-schema> is required');
  const text =
    values.from !== undefined
      ? await readFile(values.from, 'utf8')
      : await (async () => {
          const response = await fetch(`https://raw.githubusercontent.com/freee/freee-api-schema/${values.commit}/${SCHEMA_PATH}`);
          if (!response.ok) throw new Error(`GitHub answered ${response.status}`);
          return response.text();
        })();
  const contract = subset(JSON.parse(text) as { [key: string]: Json }, values.commit);
  writeFileSync(CONTRACT_FILE, `${JSON.stringify(contract, null, 2)}\n`);
  console.log(`wrote ${CONTRACT_FILE}: ${OPERATIONS.length} operations, ${Object.keys((contract.components as { schemas?: object }).schemas ?? {}).length} schemas`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}

// renkei's freee requests and the freee emulator's answers against freee's own published OpenAPI
// (test/contracts/freee/accounting-api.json, the part renkei speaks of freee/freee-api-schema,
// refreshed by scripts/refresh-freee-contract.ts): every answer's status is one freee documents for
// the operation and its body validates against freee's schema; renkei's request carries only
// documented parameters with documented values; renkei reads freee's own example answer.

import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { BrowserClient, EmulatorControl, type BrowserPage } from '../../emulators';
import { createFreeeEmulator } from '../../emulators/freee/emulator';
import { silentLogger } from '../../emulators/harness/logger';
import { startEmulatorServer, type RunningEmulator } from '../../emulators/harness/server';
import { FreeeApiClient } from '../../providers/freee/api-client';

type Schema = { [key: string]: unknown };
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  responses: { [status: string]: { content: { 'application/json': { schema: Schema } } } };
}
interface Contract {
  info: { 'x-renkei-source': { repository: string; commit: string } };
  paths: { [path: string]: { get: Operation } };
  components: { schemas: { [name: string]: Schema } };
}

const contract = JSON.parse(readFileSync(join(__dirname, '..', 'contracts', 'freee', 'accounting-api.json'), 'utf8')) as Contract;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isSafeInteger(value) });
/** OpenAPI 3.0's `nullable: true` as JSON Schema: the type also admits null (enums too). */
function jsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = `freee${value}`;
    else if (key !== 'nullable' && key !== 'example') out[key] = jsonSchema(value);
  }
  if ((schema as Schema).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  }
  return out;
}
ajv.addSchema({ $id: 'freee', components: jsonSchema(contract.components) as Schema });

const validators = new Map<string, ValidateFunction>();
function validatorFor(path: string, status: number): ValidateFunction {
  const key = `${path} ${status}`;
  const response = contract.paths[path]?.get.responses[String(status)];
  assert.ok(response !== undefined, `freee documents no ${status} answer for GET ${path}`);
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = ajv.compile(jsonSchema(response.content['application/json'].schema) as Schema);
    validators.set(key, validate);
  }
  return validate;
}

/** Asserts that an answer is one freee documents for GET `path`, and that its body validates. */
async function assertDocumentedAnswer(path: string, response: Response): Promise<unknown> {
  const body: unknown = await response.json();
  const validate = validatorFor(path, response.status);
  assert.ok(validate(body), `GET ${path} ${response.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  return body;
}

/** Asserts that a query uses only parameters the operation documents, with values their schemas allow. */
function assertDocumentedQuery(path: string, query: Record<string, string | string[]>): void {
  const parameters = contract.paths[path]?.get.parameters ?? [];
  for (const [name, raw] of Object.entries(query)) {
    const parameter = parameters.find((candidate) => candidate.in === 'query' && candidate.name === name);
    assert.ok(parameter !== undefined, `GET ${path}: freee documents no query parameter ${name}`);
    const value = Array.isArray(raw) ? raw[0] : raw;
    const typed = parameter.schema.type === 'boolean' ? (value === 'true' ? true : value === 'false' ? false : value) : parameter.schema.type === 'integer' ? Number(value) : value;
    const validate = ajv.compile(jsonSchema(parameter.schema) as Schema);
    assert.ok(validate(typed), `GET ${path}?${name}=${String(value)}: ${ajv.errorsText(validate.errors)}`);
  }
  for (const parameter of parameters.filter((candidate) => candidate.in === 'query' && candidate.required === true)) {
    assert.ok(parameter.name in query, `GET ${path}: the required query parameter ${parameter.name} is missing`);
  }
}

/** An example answer built from the `example` values of freee's schema. */
function exampleOf(schema: Schema): unknown {
  if (typeof schema.$ref === 'string') return exampleOf(contract.components.schemas[schema.$ref.split('/').pop() ?? ''] ?? {});
  if (schema.example !== undefined) return schema.example;
  if (schema.type === 'array') return [exampleOf((schema.items ?? {}) as Schema)];
  if (schema.type === 'object' || schema.properties !== undefined) {
    return Object.fromEntries(Object.entries((schema.properties ?? {}) as { [name: string]: Schema }).map(([name, property]) => [name, exampleOf(property)]));
  }
  return null;
}

const CLIENT_ID = 'renkei-freee';
const CLIENT_SECRET = 'renkei-freee-secret';
const REDIRECT_URI = 'https://renkei.example/auth/freee/callback';

describe('freee contract: renkei and the freee emulator against freee-api-schema', () => {
  let emulator: RunningEmulator;
  let base: string;
  let control: EmulatorControl;
  let token: string;

  const get = (path: string, bearer = token): Promise<Response> => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } });

  before(async () => {
    assert.match(contract.info['x-renkei-source'].commit, /^[0-9a-f]{40}$/);
    emulator = await startEmulatorServer(createFreeeEmulator(), { host: '127.0.0.1', port: 0, logger: silentLogger() });
    base = emulator.url;
    control = new EmulatorControl(base);
    await control.seedFreee({
      companies: [
        { id: 1001, name: 'フリー株式会社', name_kana: 'フリーカブシキガイシャ', corporate_number: '1234567890123', prefecture_code: 12, zipcode: '141-0032', street_name1: '品川区大崎1-2-2', phone1: '03-1234-5678' },
        { id: 1002, name: '山田商店', display_name: '山田商店（個人）', org_code: 2, fiscal_year_start: '2026-04-01' },
        { id: 1003, name: '株式会社ほか' },
      ],
      users: [
        {
          id: 501,
          email: 'admin@free.example',
          display_name: '管理 太郎',
          first_name: '太郎',
          last_name: '管理',
          companies: [
            { id: 1001, role: 'admin' },
            { id: 1002, role: 'read_only', use_custom_role: true },
          ],
        },
      ],
      apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], name: 'renkei' }],
    });
    const browser = new BrowserClient();
    const authorize = `${base}/public_api/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: 's' }).toString()}`;
    const consent = await browser.submit(await browser.get(authorize), { actionPart: '/login', set: { email: 'admin@free.example', password: 'password' } });
    const redirect: BrowserPage = await browser.submit(consent, { actionPart: '/public_api/authorize', add: [['decision', 'allow']] });
    const code = new URL(redirect.location ?? '').searchParams.get('code') ?? '';
    const issued = (await (
      await fetch(`${base}/public_api/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, client_secret: CLIENT_SECRET }) })
    ).json()) as { access_token: string };
    token = issued.access_token;
  });
  after(() => emulator.stop());

  it('GET /api/1/users/me: with and without companies, with advisor, and refusals, as freee documents them', async () => {
    const me = (await assertDocumentedAnswer('/api/1/users/me', await get('/api/1/users/me?companies=true'))) as { user: { companies: unknown[] } };
    assert.equal(me.user.companies.length, 2);
    await assertDocumentedAnswer('/api/1/users/me', await get('/api/1/users/me'));
    await assertDocumentedAnswer('/api/1/users/me', await get('/api/1/users/me?companies=true&advisor=true'));
    const advisorAlone = await get('/api/1/users/me?advisor=true');
    assert.equal(advisorAlone.status, 400);
    await assertDocumentedAnswer('/api/1/users/me', advisorAlone);
    const unknownToken = await get('/api/1/users/me', 'not-a-token');
    assert.equal(unknownToken.status, 401);
    await assertDocumentedAnswer('/api/1/users/me', unknownToken);
  });

  it('GET /api/1/companies lists the user’s companies with every field freee requires', async () => {
    const list = (await assertDocumentedAnswer('/api/1/companies', await get('/api/1/companies'))) as { companies: { id: number; company_number: string }[] };
    assert.deepEqual(
      list.companies.map((company) => company.id),
      [1001, 1002],
    );
    assert.ok(list.companies.every((company) => /^[0-9a-z]{10}$/.test(company.company_number)));
    await assertDocumentedAnswer('/api/1/companies', await get('/api/1/companies', 'not-a-token'));
    // The schema has teeth: a list item without company_number (as the emulator once answered) fails.
    assert.equal(validatorFor('/api/1/companies', 200)({ companies: [{ id: 1, name: 'x', name_kana: null, display_name: 'x', role: 'admin' }] }), false);
  });

  it('GET /api/1/companies/{id}: a corporation, a sole proprietor with its fiscal year, and the refusals freee documents', async () => {
    const corporation = (await assertDocumentedAnswer('/api/1/companies/{id}', await get('/api/1/companies/1001'))) as { company: { corporate_number: string; org_code: number; prefecture_code: number } };
    assert.deepEqual([corporation.company.corporate_number, corporation.company.org_code, corporation.company.prefecture_code], ['1234567890123', 1, 12]);
    const proprietor = (await assertDocumentedAnswer('/api/1/companies/{id}', await get('/api/1/companies/1002?details=true'))) as {
      company: { org_code: number; corporate_number: string; fiscal_years: { start_date: string; end_date: string }[] };
    };
    assert.deepEqual([proprietor.company.org_code, proprietor.company.corporate_number], [2, '']);
    assert.deepEqual(proprietor.company.fiscal_years.map((year) => [year.start_date, year.end_date]), [['2026-04-01', '2027-03-31']]);
    for (const [path, status] of [
      ['/api/1/companies/1003', 403],
      ['/api/1/companies/9999', 403],
      ['/api/1/companies/1001?details=false', 400],
    ] as const) {
      const refused = await get(path);
      assert.equal(refused.status, status, path);
      await assertDocumentedAnswer('/api/1/companies/{id}', refused);
    }
  });

  it('renkei asks GET /api/1/users/me with documented parameters only, and reads the answer', async () => {
    const mark = await control.lastRequestSeq();
    const me = await new FreeeApiClient(base, 5000).usersMe(token);
    assert.deepEqual(me.companies, [
      { id: '1001', displayName: 'フリー株式会社', role: 'admin' },
      { id: '1002', displayName: '山田商店（個人）', role: 'read_only' },
    ]);
    const [request] = await control.requests({ path: '/api/1/users/me', afterSeq: mark });
    assert.ok(request !== undefined);
    assert.equal(request.method, 'GET');
    assert.match(request.headers.authorization ?? '', /^Bearer \S+$/);
    assertDocumentedQuery('/api/1/users/me', request.query);
  });

  it('renkei reads freee’s own example answer of GET /api/1/users/me', async () => {
    const example = exampleOf(contract.paths['/api/1/users/me']?.get.responses['200']?.content['application/json'].schema ?? {});
    assert.ok(validatorFor('/api/1/users/me', 200)(example), 'the example validates against its own schema');
    const server: Server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(example)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const me = await new FreeeApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 5000).usersMe('t');
      assert.equal(me.id, '1');
      assert.equal(me.email, 'user@example.com');
      assert.deepEqual(me.companies, [{ id: '1', displayName: 'freee株式会社', role: 'admin' }]);
    } finally {
      server.close();
    }
  });
});

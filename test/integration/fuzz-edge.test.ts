// A bounded property-based fuzz of the API's edge on the real stack, its inputs derived from the
// OpenAPI document the API serves: every endpoint gets odd-but-valid and invalid requests, webhooks
// signed as each provider signs them, pages with the sessions they need. No answer is a 5xx; an
// invalid request starts no workflow and writes nothing to MongoDB. Fixed seed and run counts:
// FUZZ_SEED and FUZZ_RUNS change them. It prints the counts (requests, statuses, 5xx, changes).
import { strict as assert } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import mongoose from 'mongoose';
import { z } from 'zod';
import { lineEventBase } from '../../api/schemas/line-webhook';
import { startTestApi, type TestApi } from '../support/api-server';
import { partnerCookieHeader, partnerSessionFor } from '../support/partner-session';
import { seedPartner } from '../support/partners';
import { breaking, fitting, type Schema } from '../support/schema-arbitraries';
import { signedHeaders, webSessionCookie, webSessionFor, type SignedSender } from '../support/signed-requests';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}
interface Operation {
  parameters: Parameter[];
  security?: Array<Record<string, unknown>>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Op {
  method: 'get' | 'post';
  path: string;
  op: Operation;
}

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  what: string;
}

const SENDER_OF: Record<string, SignedSender> = {
  '/webhooks/line': 'line',
  '/webhooks/lineworks/bot': 'lineworks-bot',
  '/webhooks/lineworks/app': 'lineworks-app',
  '/webhooks/freee': 'freee',
  '/events/freee-products': 'freee-products',
  '/events/lansmart': 'lansmart',
};

/** The header each sender's signature (or token) travels in. */
const SIGNATURE_HEADERS: Record<SignedSender, string[]> = {
  line: ['x-line-signature'],
  'lineworks-bot': ['x-works-signature'],
  'lineworks-app': ['x-works-signature'],
  freee: ['x-freee-token'],
  'freee-products': ['x-renkei-signature', 'x-renkei-timestamp'],
  lansmart: ['x-renkei-signature', 'x-renkei-timestamp'],
};

const STATE_PARAMS = new Set(['state', 's', 'ticket']);
const ODD_COOKIES = ['renkei_lang=%E0%A4%A', 'renkei_session=%', 'renkei_bind=%ZZ', 'renkei_partner=\u00e9', 'a=b=c', '=;;', `renkei_bind=${'x'.repeat(43)}`];
const BAD_STATES = [`${'あ'.repeat(32)}.${'い'.repeat(22)}`, '\ud800', '', '.', 'a'.repeat(500), `${randomBytes(24).toString('base64url')}.${'A'.repeat(22)}`, ['a', 'b']];
const NON_FORM_BODIES: Array<[string, string | Buffer]> = [
  ['application/json', '{"csrf":"x"}'],
  ['text/plain', 'csrf=x'],
  ['application/x-www-form-urlencoded; charset=shift_jis', 'csrf=x'],
  ['application/x-www-form-urlencoded', `csrf=${'x'.repeat(70_000)}`],
  ['application/octet-stream', randomBytes(32)],
  ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nx\r\n--x--'],
];

/** A query string from [name, value] pairs (a value may be an array: the parameter repeated). */
function queryString(pairs: Array<[string, unknown]>): string {
  const q = new URLSearchParams();
  for (const [k, v] of pairs) for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) q.append(k, typeof one === 'string' ? one : JSON.stringify(one));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const asField = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** encodeURIComponent, except that a lone surrogate goes out as its (ill-formed) UTF-8 bytes. */
function encodeOdd(s: string): string {
  return s.replace(/\p{Cs}|[^\p{Cs}]+/gu, (part) => {
    const cu = part.charCodeAt(0);
    if (part.length === 1 && cu >= 0xd800 && cu <= 0xdfff) return [0xed, 0x80 | ((cu >> 6) & 0x3f), 0x80 | (cu & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    return encodeURIComponent(part);
  });
}

describe('edge fuzz: no 5xx on any input; invalid input starts nothing and writes nothing', function () {
  this.timeout(900_000);
  let api: TestApi;
  let taskQueue: string;
  let ops: Op[];
  let webCookie: string;
  let partnerCookie: string;
  const statuses = new Map<number, number>();
  const serverErrors: string[] = [];

  before(async () => {
    taskQueue = uniqueTaskQueue('fuzz');
    api = await startTestApi(taskQueue);
    const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ method: method as Op['method'], path, op })));
    webCookie = await webSessionCookie(webSessionFor({ freeeUserId: '2001', companyId: '1001', role: 'admin' }));
    partnerCookie = await partnerCookieHeader(partnerSessionFor(await seedPartner()));
  });
  after(async () => {
    await api.close();
    const byCode = [...statuses.entries()].sort(([a], [b]) => a - b).map(([c, n]) => `${c}: ${n}`).join(', ');
    process.stdout.write(`      fuzz (seed ${SEED}): ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests; ${byCode}; 5xx: ${serverErrors.length}\n`);
  });

  /** The headers an operation's caller sends: the signature of `body`, the session, the token. */
  function authHeaders(o: Op, body: string): Record<string, string> {
    const scheme = Object.keys(o.op.security?.[0] ?? {})[0];
    const sender = SENDER_OF[o.path];
    if (sender) return signedHeaders(sender, body);
    if (scheme === 'operatorToken') return { authorization: `Bearer ${stack().secrets.operatorApiToken}` };
    if (scheme === 'metricsToken') return { authorization: `Bearer ${stack().secrets.metricsToken}` };
    if (scheme === 'partnerSession') return { cookie: partnerCookie };
    return { cookie: webCookie };
  }

  const pathWith = (o: Op, values: Record<string, unknown>): string => o.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeOdd(asField(values[name])));
  const paramsIn = (o: Op, where: 'path' | 'query') => o.op.parameters.filter((p) => p.in === where);
  const record = (ps: Parameter[], pick: (p: Parameter) => fc.Arbitrary<unknown>) => fc.record(Object.fromEntries(ps.map((p) => [p.name, pick(p)])), { requiredKeys: ps.filter((p) => p.required).map((p) => p.name) });

  function bodyContent(o: Op): { type: string; schema: Schema } | undefined {
    const content = o.op.requestBody?.content;
    const type = content ? Object.keys(content)[0] : undefined;
    return type && content?.[type] ? { type, schema: content[type].schema } : undefined;
  }

  function encodeBody(type: string, value: unknown): string {
    if (type === 'application/json') return JSON.stringify(value);
    return new URLSearchParams(Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]): [string, string] => [k, asField(v)])).toString();
  }

  /** An odd-but-valid request: every value fits the document; extras and odd cookies come along. */
  function oddRequest(o: Op): fc.Arbitrary<FuzzRequest> {
    const content = bodyContent(o);
    return fc
      .record({
        path: record(paramsIn(o, 'path'), (p) => fitting(p.schema)),
        query: record(paramsIn(o, 'query'), (p) => fitting(p.schema)),
        extra: fc.option(fc.tuple(fc.constantFrom('utm_source', 'x', '__proto__', 'lang'), fc.string({ maxLength: 20, unit: 'grapheme' })), { nil: undefined }),
        body: content ? fitting(content.schema) : fc.constant(undefined),
        cookies: fc.subarray(ODD_COOKIES, { maxLength: 2 }),
      })
      .map(({ path, query, extra, body, cookies }) => {
        const raw = content ? encodeBody(content.type, body) : '';
        const auth = authHeaders(o, raw);
        const cookie = [auth.cookie, ...cookies].filter(Boolean).join('; ');
        return {
          method: o.method.toUpperCase(),
          url: pathWith(o, path) + queryString([...Object.entries(query), ...(extra ? [extra] : [])]),
          headers: { ...auth, ...(cookie ? { cookie } : {}), ...(content ? { 'content-type': content.type } : {}) },
          ...(content ? { body: raw } : {}),
          what: `odd ${o.method} ${o.path}`,
        };
      });
  }

  /** The ways an operation's input can be made invalid (none: it takes any input). */
  function invalidRequests(o: Op): Array<fc.Arbitrary<FuzzRequest>> {
    const content = bodyContent(o);
    const method = o.method.toUpperCase();
    const goodPath = record(paramsIn(o, 'path'), (p) => fitting(p.schema));
    const goodQuery = record(paramsIn(o, 'query'), (p) => fitting(p.schema));
    const out: Array<fc.Arbitrary<FuzzRequest>> = [];
    const build = (what: string, path: Record<string, unknown>, query: Record<string, unknown>, body: { type: string; raw: string | Buffer; sign: boolean } | undefined, headers: Record<string, string> = {}) => {
      const auth = authHeaders(o, body && typeof body.raw === 'string' ? body.raw : '');
      return {
        method,
        url: pathWith(o, path) + queryString(Object.entries(query)),
        headers: { ...(body?.sign === false ? { cookie: auth.cookie ?? '' } : auth), ...(body ? { 'content-type': body.type } : {}), ...headers },
        ...(body ? { body: body.raw } : {}),
        what: `invalid ${what}: ${o.method} ${o.path}`,
      };
    };
    if (content?.type === 'application/json') {
      // A body the schema refuses, correctly signed; text that is not JSON, correctly signed.
      out.push(fc.tuple(goodPath, goodQuery, breaking(content.schema)).map(([p, q, b]) => build('body', p, q, { type: content.type, raw: JSON.stringify(b), sign: true })));
      out.push(fc.tuple(goodPath, goodQuery, fc.constantFrom('{', 'null]', '\ud800', '{"a":1}{', '')).map(([p, q, raw]) => build('json', p, q, { type: content.type, raw, sign: true })));
      // A body that fits, with a wrong signature.
      const sender = SENDER_OF[o.path];
      if (sender) {
        out.push(
          fc.tuple(goodPath, goodQuery, fitting(content.schema), fc.constantFrom(...SIGNATURE_HEADERS[sender])).map(([p, q, b, h]) =>
            build('signature', p, q, { type: content.type, raw: JSON.stringify(b), sign: true }, { [h]: h === 'x-renkei-timestamp' ? '1' : randomBytes(32).toString('base64') }),
          ),
        );
      }
      if (o.path === '/webhooks/line') {
        // A signed batch of events renkei cannot read: 200, each ignored, nothing claimed.
        const eventSchema = z.toJSONSchema(lineEventBase, { io: 'input', unrepresentable: 'any' }) as Schema;
        const unreadable = breaking(eventSchema).filter((e) => !lineEventBase.safeParse(e).success);
        out.push(fc.tuple(goodPath, goodQuery, fc.array(unreadable, { minLength: 1, maxLength: 4 })).map(([p, q, events]) => build('events', p, q, { type: content.type, raw: JSON.stringify({ destination: 'U0', events }), sign: true })));
      }
    }
    if (content?.type === 'application/x-www-form-urlencoded') {
      // Not a form; or a form with a CSRF token nobody issued.
      out.push(fc.tuple(goodPath, goodQuery, fc.constantFrom(...NON_FORM_BODIES)).map(([p, q, [type, raw]]) => build('form body', p, q, { type, raw, sign: false })));
      out.push(
        fc.tuple(goodPath, goodQuery, fitting(content.schema), fc.constantFrom('', 'x', randomBytes(32).toString('base64url'), '\ud800')).map(([p, q, b, csrf]) =>
          build('csrf', p, q, { type: content.type, raw: encodeBody(content.type, { ...(b as object), csrf }), sign: false }),
        ),
      );
    }
    const stateParam = paramsIn(o, 'query').find((p) => STATE_PARAMS.has(p.name));
    if (stateParam) out.push(fc.tuple(goodPath, goodQuery, fc.constantFrom(...BAD_STATES)).map(([p, q, bad]) => build('state', p, { ...q, [stateParam.name]: bad }, undefined)));
    const required = paramsIn(o, 'query').filter((p) => p.required && !STATE_PARAMS.has(p.name));
    for (const r of required) out.push(fc.tuple(goodPath, goodQuery, breaking(r.schema)).map(([p, q, bad]) => build(`query ${r.name}`, p, { ...q, [r.name]: bad }, undefined)));
    for (const r of paramsIn(o, 'path')) {
      out.push(fc.tuple(goodPath, goodQuery, breaking(r.schema).filter((v) => asField(v) !== '')).map(([p, q, bad]) => build(`path ${r.name}`, { ...p, [r.name]: bad }, q, undefined)));
    }
    if (Object.keys(o.op.security?.[0] ?? {})[0] === 'operatorToken') {
      out.push(fc.tuple(goodPath, goodQuery, fc.constantFrom('', 'Bearer ', `Bearer ${'x'.repeat(48)}`, 'Basic Zm9vOmJhcg==')).map(([p, q, authorization]) => build('token', p, q, undefined, { authorization })));
    }
    return out;
  }

  async function send(r: FuzzRequest): Promise<number> {
    const res = await fetch(`${api.url}${r.url}`, { method: r.method, headers: r.headers, redirect: 'manual', ...(r.body !== undefined ? { body: r.body } : {}) });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) serverErrors.push(`${res.status} ${r.what} ${r.url.slice(0, 200)}`);
    return res.status;
  }

  /** Every MongoDB collection: its document count and a hash of its documents. */
  async function mongoSnapshot(): Promise<Record<string, string>> {
    const db = mongoose.connection.db;
    if (!db) throw new Error('no MongoDB connection');
    const out: Record<string, string> = {};
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
      out[name] = `${docs.length}:${createHash('sha256').update(JSON.stringify(docs)).digest('hex').slice(0, 16)}`;
    }
    return out;
  }

  /** How many workflows this API started on its task queue (visibility, read after a sentinel shows). */
  async function workflowsStarted(): Promise<number> {
    const client = stack().env.client;
    const sentinel = await client.workflow.start('fuzzSentinel', { taskQueue, workflowId: `fuzz-sentinel-${randomBytes(6).toString('hex')}` });
    await eventually(() => client.workflow.count(`WorkflowId = "${sentinel.workflowId}"`), (c) => c.count === 1, 'the sentinel in visibility');
    const { count } = await client.workflow.count(`TaskQueue = "${taskQueue}"`);
    await sentinel.terminate('fuzz sentinel');
    if (count > 1 && process.env.FUZZ_LIST) for await (const w of client.workflow.list({ query: `TaskQueue = "${taskQueue}"` })) process.stdout.write(`        ${w.workflowId}\n`);
    return count - 1;
  }

  it('answers invalid input of every endpoint with no 5xx, starting no workflow and writing nothing', async () => {
    const started = Date.now();
    const invalid = ops.flatMap(invalidRequests);
    assert.ok(invalid.length > 40, `only ${invalid.length} ways to break the endpoints`);
    const before = await mongoSnapshot();
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(...invalid), async (r) => {
        requests += 1;
        const status = await send(r);
        assert.ok(status < 500, `${status} for ${r.what} ${r.url.slice(0, 200)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const after = await mongoSnapshot();
    const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
    const workflows = await workflowsStarted();
    process.stdout.write(`      invalid: ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; 5xx: ${serverErrors.length}; collections changed: ${changed.length}; workflows started: ${workflows}\n`);
    assert.deepEqual(serverErrors, []);
    assert.deepEqual(changed, [], `collections written: ${changed.join(', ')}`);
    assert.equal(workflows, 0, 'no workflow started');
  });

  it('answers odd-but-valid input of every endpoint with no 5xx (a worker running)', async () => {
    const started = Date.now();
    let requests = 0;
    await withWorker(taskQueue, () =>
      fc.assert(
        fc.asyncProperty(fc.oneof(...ops.map(oddRequest)), async (r) => {
          requests += 1;
          const status = await send(r);
          assert.ok(status < 500, `${status} for ${r.what} ${r.url.slice(0, 200)}`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      ),
    );
    // The same count as above, here where valid events do start workflows (the count is not blind).
    const workflows = await workflowsStarted();
    process.stdout.write(`      odd-but-valid: ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; 5xx: ${serverErrors.length}; workflows started: ${workflows}\n`);
    assert.deepEqual(serverErrors, []);
  });
});

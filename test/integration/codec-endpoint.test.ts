// The codec endpoint the Temporal Web UI calls: a payload taken from a real workflow's raw history
// decodes through POST /decode into what the workflow was given; without the bearer token, or for
// another namespace, it is refused; the Web UI's origin gets CORS, another origin does not.
import { strict as assert } from 'node:assert';
import { randomBytes, randomUUID } from 'node:crypto';
import { startCodecServer, type RunningCodecServer } from '../../api/codec/codec-server';
import { employeeLinkWorkflowId } from '../../common/ids';
import { loadCodecServerConfig } from '../../config';
import { createLogger } from '../../observability/logger';
import { ENCRYPTED_ENCODING } from '../../security/payload-codec';
import { commandsFor, linkTenant, newTenant, seedWorksTenant } from '../support/links';
import { rawTemporalClient } from '../support/raw-dumps';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';

const UI_ORIGIN = 'http://127.0.0.1:8233';

describe('codec endpoint for the Temporal Web UI', () => {
  const token = randomBytes(24).toString('hex');
  let codec: RunningCodecServer;

  before(async () => {
    const s = stack();
    const config = loadCodecServerConfig({ ...s.envFor('codec'), CODEC_SERVER_PORT: '0', CODEC_SERVER_TOKEN: token, CODEC_SERVER_CORS_ORIGINS: UI_ORIGIN });
    codec = await startCodecServer(config, createLogger('codec-test', 'silent'));
  });
  after(async () => codec.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${codec.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-namespace': 'default', origin: UI_ORIGIN, ...headers } });

  it('decodes a payload of a real workflow history, and refuses it without the token or for another namespace', async () => {
    const taskQueue = uniqueTaskQueue('codec');
    const tenant = newTenant();
    const worksUserId = `w-${randomUUID()}@${tenant.worksTenantId}`;
    const workflowId = employeeLinkWorkflowId(tenant.companyId, '4242');
    await withWorker(taskQueue, async () => {
      const commands = commandsFor(taskQueue);
      await linkTenant(commands, tenant);
      await seedWorksTenant(tenant, [worksUserId]);
      await commands.linkEmployee(tenant.companyId, '4242', { worksTenantId: tenant.worksTenantId, worksUserId }, randomUUID());
    });

    // The update that linked the employee, as the server stores it: ciphertext.
    const history = await rawTemporalClient().workflow.getHandle(workflowId).fetchHistory();
    const accepted = (history.events ?? []).find((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    const stored = accepted?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads?.[0];
    assert.ok(stored, 'the update’s argument is in the history');
    assert.equal(Buffer.from(stored.metadata?.encoding ?? []).toString(), ENCRYPTED_ENCODING);
    assert.ok(!Buffer.from(stored.data ?? []).includes(Buffer.from(worksUserId)));
    const asJson = {
      metadata: Object.fromEntries(Object.entries(stored.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      data: Buffer.from(stored.data ?? []).toString('base64'),
    };

    const decoded = await post('/decode', { payloads: [asJson] }, { authorization: `Bearer ${token}` });
    assert.equal(decoded.status, 200);
    assert.equal(decoded.headers.get('access-control-allow-origin'), UI_ORIGIN);
    const [payload] = ((await decoded.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> }).payloads;
    assert.equal(Buffer.from(payload?.metadata.encoding ?? '', 'base64').toString(), 'json/plain');
    assert.deepEqual(JSON.parse(Buffer.from(payload?.data ?? '', 'base64').toString()), { worksTenantId: tenant.worksTenantId, worksUserId });

    // And back: what /encode seals, /decode opens.
    const encoded = await post('/encode', { payloads: [payload] }, { authorization: `Bearer ${token}` });
    const [sealed] = ((await encoded.json()) as { payloads: unknown[] }).payloads;
    const again = await post('/decode', { payloads: [sealed] }, { authorization: `Bearer ${token}` });
    assert.deepEqual(((await again.json()) as { payloads: unknown[] }).payloads, [payload]);

    const withoutToken = await post('/decode', { payloads: [asJson] });
    assert.equal(withoutToken.status, 401);
    assert.ok(!(await withoutToken.text()).includes(tenant.worksTenantId));
    assert.equal((await post('/decode', { payloads: [asJson] }, { authorization: 'Bearer wrong-token-wrong-token' })).status, 401);
    assert.equal((await post('/decode', { payloads: [asJson] }, { authorization: `Bearer ${token}`, 'x-namespace': 'someone-else' })).status, 403);
  });

  it('answers the Web UI’s preflight, not another origin’s, and bad input with a 4xx', async () => {
    const preflight = await fetch(`${codec.url}/decode`, { method: 'OPTIONS', headers: { origin: UI_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-namespace' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), UI_ORIGIN);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Namespace/i);
    const other = await fetch(`${codec.url}/decode`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(other.status, 403);
    assert.equal(other.headers.get('access-control-allow-origin'), null);

    const auth = { authorization: `Bearer ${token}` };
    assert.equal((await post('/decode', { nope: true }, auth)).status, 400);
    assert.equal((await fetch(`${codec.url}/decode`, { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json', ...auth } })).status, 400);
    // A payload sealed under a key ID this deployment does not hold: refused, and said why.
    const foreign = { metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING).toString('base64'), 'encryption-key-id': Buffer.from('retired').toString('base64') }, data: randomBytes(40).toString('base64') };
    const refused = await post('/decode', { payloads: [foreign] }, auth);
    assert.equal(refused.status, 422);
    assert.match(((await refused.json()) as { message: string }).message, /key id "retired"/);
  });
});

// `npm run event:freee [-- --event-id ID] [-- --company 1001 --user 2001 --works-user yamada@works-demo]`:
// makes the freee emulator deliver one accounting webhook (an approval request of an employee was
// approved) to the running API, then shows what the employee received in LINE WORKS, the delivery
// status from the operator API (with the dev stack's operator token), the employee's status page and
// where to find the workflow. Defaults to the business `npm run seed:demo` links. When nothing
// arrives it names the missing step (scripts/lib/event-hint.ts): a walk's employee who unlinked
// is told to ID-link again, not to seed.
import { parseArgs } from 'node:util';
import { EmulatorControl } from '../emulators/control-client';
import { notificationWorkflowId } from '../common/ids';
import { devSettings } from './lib/dev-settings';
import { readDevSecrets } from './lib/dev-secrets';
import { DEMO_PEOPLE } from './lib/demo-people';
import { nextStepHint, type TenantLinksView } from './lib/event-hint';
import { DEMO_BUSINESS, DEMO_BUSINESS_FREEE } from './lib/seed-link';
import { waitUntil } from './services/wait';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'event-id': { type: 'string' }, company: { type: 'string' }, user: { type: 'string' }, 'works-user': { type: 'string' } },
  });
  const s = devSettings();
  const freee = new EmulatorControl(`http://127.0.0.1:${s.EMULATOR_FREEE_PORT}`);
  const lineWorks = new EmulatorControl(`http://127.0.0.1:${s.EMULATOR_LINEWORKS_PORT}`);
  const demo = DEMO_BUSINESS.employees[0];
  if (!demo) throw new Error('the demo business has no employee');
  const companyId = values.company ?? DEMO_BUSINESS.companyId;
  const employee = { freeeUserId: values.user ?? demo.freeeUserId, worksUserId: values['works-user'] ?? demo.worksUserId };
  const event = freee.freeeEvent({
    ...(values['event-id'] ? { id: values['event-id'] } : {}),
    action: 'updated',
    approval_request: { company_id: Number(companyId), applicant_id: Number(employee.freeeUserId), status: 'approved' },
  });
  const before = (await lineWorks.lineWorksMessages({ userId: employee.worksUserId })).length;
  const answer = await freee.deliverFreeeWebhook({ event });
  process.stdout.write(`freee → renkei: HTTP ${answer.status} ${JSON.stringify(answer.body)}\n`);
  const delivered = await waitUntil(async () => (await lineWorks.lineWorksMessages({ userId: employee.worksUserId })).length > before, {
    timeoutMs: 15_000,
    intervalMs: 250,
  });
  const messages = await lineWorks.lineWorksMessages({ userId: employee.worksUserId });
  const workflowId = notificationWorkflowId('freee', String(event.id));
  if (delivered.ok) process.stdout.write(`LINE WORKS received for ${employee.worksUserId}:\n${JSON.stringify(messages[messages.length - 1], null, 2)}\n`);
  // The operator API answers only to the operator token (the dev stack's, from its secrets file).
  const operator = { authorization: `Bearer ${readDevSecrets(s.dataDir).operatorApiToken}` };
  if (!delivered.ok) {
    const walk = companyId === String(DEMO_PEOPLE.companyId);
    const worksTenantId = walk ? DEMO_PEOPLE.worksTenantId : companyId === DEMO_BUSINESS.companyId ? DEMO_BUSINESS.worksTenantId : undefined;
    const tenant = worksTenantId === undefined ? undefined : await tenantLinks(s.API_PORT, worksTenantId, operator);
    const hint = nextStepHint({
      companyId,
      ...employee,
      tenant,
      walk,
      urls: { settings: `http://127.0.0.1:${s.API_PORT}/settings/notifications`, talk: `http://127.0.0.1:${s.EMULATOR_LINEWORKS_PORT}/talk` },
    });
    process.stdout.write(`no new LINE WORKS message for ${employee.worksUserId} yet: ${hint}\n`);
  }
  const eventPath = `/notifications/freee/${encodeURIComponent(String(event.id))}`;
  const status = await fetch(`http://127.0.0.1:${s.API_PORT}/api${eventPath}`, { headers: operator });
  process.stdout.write(`delivery status (operator API): HTTP ${status.status}\n${JSON.stringify(await status.json(), null, 2)}\n`);
  process.stdout.write(
    `status page:  http://127.0.0.1:${s.API_PORT}${eventPath} (sign in to freee as ${values.user ? `freee user ${employee.freeeUserId}` : DEMO_BUSINESS_FREEE.employee.email})\n` +
      `Web UI:       http://127.0.0.1:${s.TEMPORAL_UI_PORT}/namespaces/default/workflows/${encodeURIComponent(workflowId)}\n` +
      `by company:   http://127.0.0.1:${s.TEMPORAL_UI_PORT}/namespaces/default/workflows?query=${encodeURIComponent(`CompanyId="${companyId}"`)}\n`,
  );
  if (!delivered.ok) process.exitCode = 1;
}

/** The tenant's links from the operator API: `not_linked` when never linked, undefined without an answer. */
async function tenantLinks(apiPort: number, worksTenantId: string, headers: Record<string, string>): Promise<TenantLinksView | 'not_linked' | undefined> {
  try {
    const r = await fetch(`http://127.0.0.1:${apiPort}/api/tenants/${encodeURIComponent(worksTenantId)}/links`, { headers });
    if (r.status === 404) return 'not_linked';
    return r.ok ? ((await r.json()) as TenantLinksView) : undefined;
  } catch {
    return undefined;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`event:freee: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

// Link fixtures for the link and cascade tests: a tenant linked to a business through the real
// update-with-start path, and employees ID-linked through it.
import { randomInt, randomUUID } from 'node:crypto';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { linkCommands, type LinkCommands } from '../../api/temporal/link-commands';
import { notificationWorkflowId } from '../../common/ids';
import type { NotifyFreeeInput } from '../../common/notify/types';
import type { notifyFreeeEventWorkflow } from '../../workflows/notify-freee-event';
import { stack } from './stack';

export interface LinkedTenant {
  companyId: string;
  worksTenantId: string;
  botId: string;
  serviceAccountId: string;
  /** The app's installation in the tenant, as LINE WORKS names it (also in its removal event). */
  installationId: string;
}

export const commandsFor = (taskQueue: string): LinkCommands => linkCommands(stack().env.client, taskQueue);

export function newTenant(): LinkedTenant {
  const n = randomInt(1_000_000, 9_999_999);
  return { companyId: String(n), worksTenantId: `tenant-${n}`, botId: `bot-${n}`, serviceAccountId: `sa-${n}`, installationId: randomUUID() };
}

/** The tenant as LINE WORKS knows it once the app is installed: service account, bot, members. */
export async function seedWorksTenant(t: LinkedTenant, worksUserIds: string[] = []): Promise<void> {
  const s = stack();
  await s.lineWorks.seedLineWorks({
    apps: [{ clientId: s.secrets.clientId, clientSecret: s.secrets.clientSecret, publicKeyPem: s.secrets.publicKeyPem }],
    tenants: [{ tenantId: t.worksTenantId, clientId: s.secrets.clientId, serviceAccountId: t.serviceAccountId, installationId: t.installationId, botIds: [t.botId], users: worksUserIds.map((userId) => ({ userId })) }],
  });
}

export async function linkTenant(commands: LinkCommands, t: LinkedTenant): Promise<void> {
  await seedWorksTenant(t);
  await commands.linkTenant(t.worksTenantId, { companyId: t.companyId, botId: t.botId, serviceAccountId: t.serviceAccountId, installationId: t.installationId, installedAt: new Date().toISOString() }, randomUUID());
}

/** ID-links employees 1..n of the tenant's business (freee user `u{i}` ↔ `w{i}@tenant`), `concurrency` at a time. */
export async function linkEmployees(commands: LinkCommands, t: LinkedTenant, n: number, concurrency = 16): Promise<string[]> {
  const users = Array.from({ length: n }, (_, i) => `u${String(i + 1).padStart(4, '0')}`);
  await seedWorksTenant(t, users.map((u) => worksUserOf(t, u)));
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < users.length) {
        const u = users[next++] as string;
        await commands.linkEmployee(t.companyId, u, { worksTenantId: t.worksTenantId, worksUserId: worksUserOf(t, u) }, randomUUID());
      }
    }),
  );
  return users;
}

export const worksUserOf = (t: LinkedTenant, freeeUserId: string): string => `w-${freeeUserId}@${t.worksTenantId}`;

/** A 人事労務 notice (勤怠の申請が承認されました) to `recipients` of the tenant's business, as freee's product events bring it. */
export function hrApprovalNotice(t: LinkedTenant, eventId: string, recipients: string[]): NotifyFreeeInput {
  return {
    kind: 'product',
    eventId,
    product: 'hr',
    type: 'request.approved',
    companyId: t.companyId,
    recipientFreeeUserIds: recipients,
    title: `勤怠の申請が承認されました ${eventId}`,
    url: 'https://p.secure.freee.co.jp/requests/1',
    createdAt: new Date().toISOString(),
  };
}

/** Starts the notification workflow of a freee event on `taskQueue`, under the event's workflow ID. */
export function startNotification(taskQueue: string, input: NotifyFreeeInput): Promise<WorkflowHandleWithFirstExecutionRunId<typeof notifyFreeeEventWorkflow>> {
  return stack().env.client.workflow.start<typeof notifyFreeeEventWorkflow>('notifyFreeeEventWorkflow', {
    workflowId: notificationWorkflowId('freee', input.eventId),
    taskQueue,
    args: [input],
  });
}

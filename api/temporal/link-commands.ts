// The commands the API sends to the link workflows, in one place: update-with-start for the admin
// install and the employee ID-link (the workflow ID enforces uniqueness; the OAuth state is the
// update ID, so a double click is one update), an update for unlink, a signal for app removal.
// A failed update surfaces as LinkCommandError carrying the ApplicationFailure type.
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { employeeLinkWorkflowId, tenantLinkWorkflowId } from '../../common/ids';
import { appRemovedSignal, linkEmployeeUpdate, linkTenantUpdate, unlinkEmployeeUpdate } from '../../common/links/messages';
import type { AppRemovedSignal, EmployeeLinkState, LinkEmployeeInput, LinkEmployeeResult, LinkTenantInput, TenantLinkState } from '../../common/links/types';
import { CompanyId, LinkStatus, WorksTenantId } from '../../common/search-attributes';
import { reportLinkRefusal } from './link-refusal';
import type { employeeLinkWorkflow } from '../../workflows/employee-link';
import type { tenantLinkWorkflow } from '../../workflows/tenant-link';

export class LinkCommandError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'LinkCommandError';
  }
}

function unwrap(err: unknown): never {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    throw new LinkCommandError(err.cause.type ?? 'UNKNOWN', err.cause.message);
  }
  throw err;
}

/** Unwraps a refused link attempt, and records the refusal in the link workflow first. */
const unwrapRecording =
  (client: Client, workflowId: string) =>
  async (err: unknown): Promise<never> => {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) await reportLinkRefusal(client, workflowId, err.cause.type ?? '');
    return unwrap(err);
  };

export interface LinkCommands {
  linkTenant(worksTenantId: string, input: LinkTenantInput, requestId: string): Promise<TenantLinkState>;
  removeApp(worksTenantId: string, signal: AppRemovedSignal): Promise<void>;
  linkEmployee(companyId: string, freeeUserId: string, input: LinkEmployeeInput, requestId: string): Promise<LinkEmployeeResult>;
  unlinkEmployee(companyId: string, freeeUserId: string, requestId: string): Promise<EmployeeLinkState>;
}

export function linkCommands(client: Client, taskQueue: string): LinkCommands {
  return {
    async linkTenant(worksTenantId, input, requestId) {
      const start = new WithStartWorkflowOperation<typeof tenantLinkWorkflow>('tenantLinkWorkflow', {
        workflowId: tenantLinkWorkflowId(worksTenantId),
        taskQueue,
        args: [{ worksTenantId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: [
          { key: WorksTenantId, value: worksTenantId },
          { key: CompanyId, value: input.companyId },
          { key: LinkStatus, value: 'new' },
        ],
        staticSummary: `LINE WORKS tenant ${worksTenantId} ↔ freee 事業所 ${input.companyId}`,
        staticDetails: `The link of LINE WORKS tenant ${worksTenantId} to freee 事業所 ${input.companyId}; a refused attempt sets LinkRefusal.`,
      });
      return client.workflow
        .executeUpdateWithStart(linkTenantUpdate, { args: [input], updateId: requestId, startWorkflowOperation: start })
        .catch(unwrapRecording(client, tenantLinkWorkflowId(worksTenantId)));
    },

    async removeApp(worksTenantId, signal) {
      await client.workflow.getHandle(tenantLinkWorkflowId(worksTenantId)).signal(appRemovedSignal, signal);
    },

    async linkEmployee(companyId, freeeUserId, input, requestId) {
      const start = new WithStartWorkflowOperation<typeof employeeLinkWorkflow>('employeeLinkWorkflow', {
        workflowId: employeeLinkWorkflowId(companyId, freeeUserId),
        taskQueue,
        args: [{ companyId, freeeUserId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: [
          { key: CompanyId, value: companyId },
          { key: WorksTenantId, value: input.worksTenantId },
          { key: LinkStatus, value: 'new' },
        ],
        staticSummary: `freee user ${freeeUserId} (事業所 ${companyId}) ↔ LINE WORKS tenant ${input.worksTenantId}`,
        staticDetails: `The ID-link of freee user ${freeeUserId} of 事業所 ${companyId} to a LINE WORKS account of tenant ${input.worksTenantId}; a refused attempt sets LinkRefusal.`,
      });
      return client.workflow
        .executeUpdateWithStart(linkEmployeeUpdate, { args: [input], updateId: requestId, startWorkflowOperation: start })
        .catch(unwrapRecording(client, employeeLinkWorkflowId(companyId, freeeUserId)));
    },

    async unlinkEmployee(companyId, freeeUserId, requestId) {
      return client.workflow
        .getHandle(employeeLinkWorkflowId(companyId, freeeUserId))
        .executeUpdate(unlinkEmployeeUpdate, { args: [], updateId: requestId })
        .catch(unwrap);
    },
  };
}

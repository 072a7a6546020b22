// The commands the API sends to partner LINE-link workflows: update-with-start for the link (the
// workflow ID allows one LINE account per partner; the OAuth state is the update ID, so a reload
// of the callback is one update) and the friendship signal from the LINE webhook.
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { lineLinkWorkflowId } from '../../common/ids';
import { friendshipSignal, lineLinkStatusQuery, linkLineUpdate } from '../../common/partners/messages';
import type { FriendshipSignal, LineLinkState, LinkLineInput, LinkLineResult } from '../../common/partners/types';
import { CompanyId, LinkStatus, PartnerId } from '../../common/search-attributes';
import { reportLinkRefusal } from './link-refusal';
import type { lineLinkWorkflow } from '../../workflows/line-link';

export class PartnerCommandError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'PartnerCommandError';
  }
}

export interface PartnerCommands {
  linkLine(partnerId: string, input: LinkLineInput, requestId: string): Promise<LinkLineResult>;
  friendship(partnerId: string, signal: FriendshipSignal): Promise<void>;
  lineStatus(partnerId: string): Promise<LineLinkState | undefined>;
}

export function partnerCommands(client: Client, taskQueue: string): PartnerCommands {
  return {
    async linkLine(partnerId, input, requestId) {
      const start = new WithStartWorkflowOperation<typeof lineLinkWorkflow>('lineLinkWorkflow', {
        workflowId: lineLinkWorkflowId(partnerId),
        taskQueue,
        args: [{ partnerId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: [
          { key: PartnerId, value: partnerId },
          { key: CompanyId, value: input.companyId },
          { key: LinkStatus, value: 'new' },
        ],
        staticSummary: `Lansmart partner ${partnerId} ↔ LINE`,
        staticDetails: `The LINE link of Lansmart partner ${partnerId} (company ${input.companyId}); a refused attempt sets LinkRefusal.`,
      });
      try {
        return await client.workflow.executeUpdateWithStart(linkLineUpdate, { args: [input], updateId: requestId, startWorkflowOperation: start });
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
          await reportLinkRefusal(client, lineLinkWorkflowId(partnerId), err.cause.type ?? '');
          throw new PartnerCommandError(err.cause.type ?? 'UNKNOWN', err.cause.message);
        }
        throw err;
      }
    },

    async friendship(partnerId, signal) {
      await client.workflow.getHandle(lineLinkWorkflowId(partnerId)).signal(friendshipSignal, signal);
    },

    async lineStatus(partnerId) {
      try {
        return await client.workflow.getHandle(lineLinkWorkflowId(partnerId)).query(lineLinkStatusQuery);
      } catch {
        return undefined;
      }
    },
  };
}

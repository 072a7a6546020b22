// Tells a link workflow that the API refused a link attempt (common/links/refusals.ts), so the
// refusal shows in its history and as its `LinkRefusal` search attribute. Best effort: the person
// gets the refusal page either way, and a workflow that has ended keeps its failure in its history.
import type { Client } from '@temporalio/client';
import { linkRefusedSignal, RECORDED_LINK_REFUSALS } from '../../common/links/refusals';

export async function reportLinkRefusal(client: Client, workflowId: string, type: string): Promise<void> {
  if (!RECORDED_LINK_REFUSALS.includes(type)) return;
  await client.workflow
    .getHandle(workflowId)
    .signal(linkRefusedSignal, { type, at: new Date().toISOString() })
    .catch(() => undefined);
}

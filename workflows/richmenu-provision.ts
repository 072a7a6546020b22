// (Re)creates the bot's rich menus of one tenant and makes [ID連携] the default
// (`richmenu-provision:{worksTenantId}:{requestId}`): an operator's repair, and what the embedded
// stack runs at start because its LINE WORKS emulator forgets menus between runs.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import type { MenuKind } from '../common/links/postbacks';

const { provisionRichMenus } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '30 minutes',
  retry: { nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

export async function richMenuProvisionWorkflow(input: { worksTenantId: string }): Promise<Record<MenuKind, string>> {
  return provisionRichMenus(input);
}

// A person tapped [勤怠登録メニューに切り替え] or [メニューに戻る]: switch their rich menu
// (`richmenu:{worksTenantId}:{worksUserId}:{tapId}`), retried while LINE WORKS is unavailable.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import type { MenuKind, MenuRequest } from '../common/links/postbacks';

const { setEmployeeRichMenu } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  scheduleToCloseTimeout: '10 minutes',
  retry: { nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

export async function richMenuSwitchWorkflow(input: { worksTenantId: string; worksUserId: string; menu: MenuRequest }): Promise<MenuKind> {
  return setEmployeeRichMenu(input);
}

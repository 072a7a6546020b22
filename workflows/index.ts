// The worker's workflowsPath entry: exports every workflow type renkei runs. Keep it small and
// free of side effects (it is bundled and run in the deterministic sandbox).
export { cascadeUnlinkWorkflow } from './cascade-unlink';
export { employeeLinkWorkflow } from './employee-link';
export { lineLinkWorkflow } from './line-link';
export { notifyFreeeEventWorkflow } from './notify-freee-event';
export { orderLifecycleWorkflow } from './order-lifecycle';
export { richMenuProvisionWorkflow } from './richmenu-provision';
export { richMenuSwitchWorkflow } from './richmenu-switch';
export { tenantLinkWorkflow } from './tenant-link';

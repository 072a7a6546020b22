// The raw-Temporal baseline of the cascade benchmark: a workflow that waits for one signal, then
// completes — what revoking one link costs at the least.
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export const releaseSignal = defineSignal('release');

export async function waitingWorkflow(): Promise<void> {
  let released = false;
  setHandler(releaseSignal, () => {
    released = true;
  });
  await condition(() => released);
}

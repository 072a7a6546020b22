// The raw-Temporal baseline of the reminder benchmark: a workflow that sleeps until an instant,
// then runs one activity that records when it woke — what a reminder costs at the least.
import { proxyActivities, sleep } from '@temporalio/workflow';

export interface SleepingActivities {
  recordWake(input: { id: string; timerFiredAt: number }): Promise<void>;
}

const { recordWake } = proxyActivities<SleepingActivities>({ startToCloseTimeout: '30 seconds' });

export async function sleepingWorkflow(id: string, until: number): Promise<void> {
  await sleep(Math.max(until - Date.now(), 1));
  await recordWake({ id, timerFiredAt: Date.now() });
}

// The raw-Temporal baseline of the benchmarks: one workflow, one activity, no renkei code.
import { proxyActivities } from '@temporalio/workflow';

export interface BaselineActivities {
  baselineDeliver(input: { eventId: string }): Promise<string>;
}

const { baselineDeliver } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '30 seconds' });

export async function baselineWorkflow(eventId: string): Promise<string> {
  return baselineDeliver({ eventId });
}

// Message definitions of the cascade-unlink workflow.
import { defineQuery } from '@temporalio/workflow';
import type { CascadeSnapshotCursor, CascadeTotals } from './types';

export interface CascadeProgress {
  cascadeId: string;
  worksTenantId: string;
  companyId: string;
  totals: CascadeTotals;
  pages: number;
  afterId?: string;
  /** The round's snapshot and the next page of it. */
  snapshot?: CascadeSnapshotCursor;
  finished: boolean;
}

export const cascadeStatusQuery = defineQuery<CascadeProgress>('status');

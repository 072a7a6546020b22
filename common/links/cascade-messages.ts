// Message definitions of the cascade-unlink workflow.
import { defineQuery } from '@temporalio/workflow';
import type { CascadeTotals } from './types';

export interface CascadeProgress {
  cascadeId: string;
  worksTenantId: string;
  companyId: string;
  totals: CascadeTotals;
  pages: number;
  afterId?: string;
  finished: boolean;
}

export const cascadeStatusQuery = defineQuery<CascadeProgress>('status');

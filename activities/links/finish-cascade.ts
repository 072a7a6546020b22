// Closes a cascade: counts the recorded outcomes (one aggregate, exact whatever retries and
// continue-as-new happened), keeps the report for the admin and operators, and deletes the
// cascade's link snapshots.
import type { CascadeTotals } from '../../common/links/types';
import { CascadeOutcomeRecord } from '../../models/cascade-outcome';
import { CascadeReportRecord } from '../../models/cascade-report';
import { CascadeSnapshotPage } from '../../models/cascade-snapshot-page';

export async function finishCascade(input: { cascadeId: string; worksTenantId: string; companyId: string }): Promise<CascadeTotals> {
  const rows = await CascadeOutcomeRecord.aggregate<{ _id: keyof CascadeTotals; n: number }>([
    { $match: { cascadeId: input.cascadeId } },
    { $group: { _id: '$outcome', n: { $sum: 1 } } },
  ]);
  const totals: CascadeTotals = { revoked: 0, already_gone: 0, failed: 0 };
  for (const r of rows) totals[r._id] = r.n;
  await CascadeReportRecord.updateOne(
    { _id: input.cascadeId },
    {
      $set: {
        worksTenantId: input.worksTenantId,
        companyId: input.companyId,
        revoked: totals.revoked,
        alreadyGone: totals.already_gone,
        failed: totals.failed,
        finishedAt: new Date(),
      },
    },
    { upsert: true },
  );
  await CascadeSnapshotPage.deleteMany({ cascadeId: input.cascadeId });
  return totals;
}

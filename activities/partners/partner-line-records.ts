// Mongo side of the partner LINE link: the record the notification planner reads. The unique
// lineUserId index makes a LINE account serve one partner; a stale record of an ended link is
// given up so that account can link again.
import { ApplicationFailure } from '@temporalio/activity';
import { ErrorType } from '../../common/errors';
import { PartnerLine } from '../../models/partner-line';
import { isDuplicateKey } from '../../models/mongo-errors';

export async function recordPartnerLine(input: { partnerId: string; companyId: string; lineUserId: string; friend: boolean; blocked: boolean }): Promise<void> {
  // Another partner's ended link may still hold this LINE account: release it.
  await PartnerLine.deleteOne({ lineUserId: input.lineUserId, status: 'unlinked', _id: { $ne: input.partnerId } });
  try {
    await PartnerLine.updateOne(
      { _id: input.partnerId },
      {
        $set: { companyId: input.companyId, lineUserId: input.lineUserId, status: 'linked', friend: input.friend, blocked: input.blocked, linkedAt: new Date() },
        $unset: { unlinkedAt: 1 },
      },
      { upsert: true },
    );
  } catch (err) {
    if (isDuplicateKey(err)) throw ApplicationFailure.nonRetryable('this LINE account is linked to another partner', ErrorType.LINE_ACCOUNT_IN_USE);
    throw err;
  }
}

export async function savePartnerLineState(input: { partnerId: string; lineUserId: string; status: 'linked' | 'unlinked'; friend: boolean; blocked: boolean }): Promise<void> {
  await PartnerLine.updateOne(
    { _id: input.partnerId, lineUserId: input.lineUserId },
    { $set: { status: input.status, friend: input.friend, blocked: input.blocked, ...(input.status === 'unlinked' ? { unlinkedAt: new Date() } : {}) } },
  );
}

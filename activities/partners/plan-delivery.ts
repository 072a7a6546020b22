// Chooses a partner notification's channels: e-mail and in-app always (the seed), LINE only when
// the partner's company has the LINE option and the partner is linked, a friend, not blocking and
// still authorised in LINE. A skipped LINE send is written to the delivery log with its reason;
// a revoked authorisation (連動の解除) also ends the partner's LINE link.
import { ApplicationFailure, log } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { ErrorType } from '../../common/errors';
import { lineLinkWorkflowId } from '../../common/ids';
import { lineTokensRefusedSignal } from '../../common/partners/messages';
import type { LinePlan, PartnerDeliveryPlan } from '../../common/partners/delivery';
import { PartnerLine } from '../../models/partner-line';
import type { PlatformPartner } from '../../providers/lansmart/platform-client';
import { toApplicationFailure } from '../provider-failure';
import { deliveryKeyFor, markSkipped } from './delivery-log';
import { checkLineTokens } from './line-token-health';
import type { PartnerActivityDeps } from './partner-deps';

export function makePlanPartnerDelivery(deps: PartnerActivityDeps & { temporal: Client }) {
  return async function planPartnerDelivery(input: { partnerId: string; notificationKey: string; workflowId: string }): Promise<PartnerDeliveryPlan> {
    let partner: PlatformPartner | undefined;
    try {
      partner = await deps.lansmart.getPartner(input.partnerId);
    } catch (err) {
      throw toApplicationFailure(err);
    }
    if (!partner) throw ApplicationFailure.nonRetryable(`the platform does not know partner ${input.partnerId}`, ErrorType.PROVIDER_REJECTED);

    const line = await planLine(input.partnerId);
    if (!line.send) await markSkipped(deliveryKeyFor(input.notificationKey, 'line'), input.workflowId, 'line', input.partnerId, line.reason);
    return { email: partner.email, line };

    async function planLine(partnerId: string): Promise<LinePlan> {
      if (!partner?.lineOption) return { send: false, reason: 'no_line_option' };
      const link = await PartnerLine.findById(partnerId).lean();
      if (!link) return { send: false, reason: 'not_linked' };
      if (link.status !== 'linked') return { send: false, reason: 'line_unlinked' };
      if (link.blocked) return { send: false, reason: 'blocked' };
      if (!link.friend) return { send: false, reason: 'not_friend' };
      let health;
      try {
        health = await checkLineTokens(deps.lineLogin, deps.cipher, partnerId, link.linkedAt ?? undefined);
      } catch (err) {
        throw toApplicationFailure(err);
      }
      if (health === 'refused') {
        await PartnerLine.updateOne({ _id: partnerId, lineUserId: link.lineUserId }, { $set: { status: 'unlinked', unlinkedAt: new Date() } });
        await deps.temporal.workflow
          .getHandle(lineLinkWorkflowId(partnerId))
          .signal(lineTokensRefusedSignal, { deliveryId: `tokens-refused:${link.lineUserId}:${link.linkedAt?.toISOString() ?? ''}`, lineUserId: link.lineUserId })
          .catch((err: unknown) => {
            // The record already says unlinked; the link workflow learns it at the next refusal.
            log.warn('the LINE link workflow was not told that LINE refused the tokens', { partnerId, error: String(err) });
          });
        return { send: false, reason: 'line_unlinked' };
      }
      return { send: true, lineUserId: link.lineUserId };
    }
  };
}

// The pages a partner sees when a page or a step cannot go on: not found (an unknown order, or one
// of another partner: the same page, so nothing leaks), an expired form (CSRF), input that could
// not be read, an outage, and the refusal of a step whose time has passed or not come — each
// saying that nothing was changed and leading back to where the order stands.
import type { RefusalReason } from '../../../common/orders/transitions';
import type { OrderStatusName, PartnerActionType } from '../../../common/orders/types';
import { html } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import { COMMON_TEXT } from './common-catalogue';
import { partnerPage } from './partner-layout';

export type PageProblem = 'not_found' | 'notification_not_found' | 'forbidden' | 'bad_request' | 'unavailable' | 'unexpected';

export function problemPage(ctx: PageContext, problem: PageProblem, referenceId?: string): string {
  const t = COMMON_TEXT[ctx.locale];
  const table: Record<PageProblem, [string, string]> = {
    not_found: [t.notFoundTitle, t.notFound],
    notification_not_found: [t.notFoundTitle, t.notificationNotFound],
    forbidden: [t.forbiddenTitle, t.forbidden],
    bad_request: [t.badRequestTitle, t.badRequest],
    unavailable: [t.unavailableTitle, t.unavailable],
    unexpected: [t.unexpectedTitle, t.unexpected],
  };
  const [title, message] = table[problem];
  return partnerPage(
    ctx,
    title,
    html`<h1 data-problem="${problem}">${title}</h1>
<section class="card">
<p class="ng" data-error-message>${message}</p>
${referenceId ? html`<p class="muted">${t.referenceId} <span data-reference-id>${referenceId}</span></p>` : ''}
</section>
<a class="btn secondary" href="/partner">${t.home}</a>`,
  );
}

/** Why a step is refused: the order workflow's reasons, or the platform turning it down. */
export type StepRefusal = RefusalReason | 'platform_refused';

export function refusalPage(ctx: PageContext, action: PartnerActionType, reason: StepRefusal, order: { status?: OrderStatusName; href: string }): string {
  const t = COMMON_TEXT[ctx.locale];
  const message =
    reason === 'already_done'
      ? t.alreadyDone[action]
      : reason === 'not_yet'
        ? t.notYet[action]
        : reason === 'order_closed'
          ? order.status === 'cancelled'
            ? t.orderCancelled
            : t.orderClosed
          : t.platformRefused;
  return partnerPage(
    ctx,
    t.refusalTitle,
    html`<h1 data-refusal="${reason}">${t.refusalTitle}</h1>
<section class="card">
<p class="ng" data-refusal-message>${message}</p>
<p>${t.nothingChanged}</p>
${order.status ? html`<p class="muted" data-order-status="${order.status}">${t.currentStatus(t.status[order.status])}</p>` : ''}
</section>
<a class="btn primary" href="${order.href}">${t.backToOrder}</a>
<a class="btn secondary" href="/partner">${t.home}</a>`,
  );
}

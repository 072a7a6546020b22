// The payment-notice pages (docs/flows/lansmart-line.md): the notice (amount, approval due date) with [承認する],
// 「支払通知書を承認しました」, and a notice already approved — by the partner, or on their behalf
// when the due date passed (期日超過承認: 「支払通知書の承認が完了しました」).
import type { OrderView } from '../../../common/orders/order-view';
import { html, type SafeHtml } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import type { FormToken } from '../../web/csrf';
import { orderPaths } from '../partner-order';
import { COMMON_TEXT } from './common-catalogue';
import { donePage, hiddenToken, partnerPage } from './partner-layout';
import { PAYMENT_NOTICE_TEXT } from './payment-notice-catalogue';

type Notice = NonNullable<OrderView['paymentNotice']>;

function noticeCard(ctx: PageContext, state: OrderView, notice: Notice): SafeHtml {
  const t = PAYMENT_NOTICE_TEXT[ctx.locale];
  const c = COMMON_TEXT[ctx.locale];
  return html`<section class="card" data-payment-notice="${notice.paymentNoticeId}"><dl>
<dt>${t.order}</dt><dd>${state.details.orderNumber} ${state.details.title}</dd>
<dt>${t.amount}</dt><dd data-notice-amount>${c.yen(notice.amountYen)}</dd>
<dt>${t.dueDate}</dt><dd data-notice-due>${notice.approvalDueDate}</dd>
<dt>${t.issuedAt}</dt><dd>${notice.issuedAt.slice(0, 10)}</dd>
</dl></section>`;
}

export function paymentNoticePage(ctx: PageContext, state: OrderView, notice: Notice, token: FormToken): string {
  const t = PAYMENT_NOTICE_TEXT[ctx.locale];
  return partnerPage(
    ctx,
    t.title,
    html`<h1 data-step="payment-notice">${t.title}</h1>
<p>${t.lead}</p>
${noticeCard(ctx, state, notice)}
<form method="post" action="${orderPaths(state.orderId).paymentNotice}">${hiddenToken(token)}
<button class="btn primary" type="submit">${t.approve}</button></form>
<a class="btn secondary" href="/partner">${COMMON_TEXT[ctx.locale].home}</a>`,
  );
}

export function paymentNoticeApprovedPage(ctx: PageContext): string {
  const t = PAYMENT_NOTICE_TEXT[ctx.locale];
  return donePage(ctx, t.approved, [t.approvedLead], [{ href: '/partner', label: COMMON_TEXT[ctx.locale].home }]);
}

/** A notice approved already: by the partner, or by 期日超過承認. */
export function paymentNoticeClosedView(ctx: PageContext, state: OrderView, notice: Notice): string {
  const t = PAYMENT_NOTICE_TEXT[ctx.locale];
  const overdue = state.closedBy === 'overdue_approval';
  const title = overdue ? t.autoApproved : t.title;
  return partnerPage(
    ctx,
    title,
    html`<h1 data-step="payment-notice-closed" data-closed-by="${state.closedBy ?? ''}">${title}</h1>
<p class="info" data-closed-message>${overdue ? t.autoApprovedLead(notice.approvalDueDate) : t.alreadyApproved}</p>
${noticeCard(ctx, state, notice)}
<a class="btn secondary" href="/partner">${COMMON_TEXT[ctx.locale].home}</a>`,
  );
}

// The partner's orders, newest first, from the read model: each a link to the page where it stands
// (currentStepPath), with its number, title, amount, what it waits for and, while the invoice is
// awaited, the next reminder. The home page shows the first few; /partner/orders pages through all.
import { waitsForPartner, type OrderView } from '../../../common/orders/order-view';
import { html, type SafeHtml } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import type { OrderListPage } from '../order-view-store';
import { currentStepPath } from '../partner-order';
import { COMMON_TEXT } from './common-catalogue';
import { ORDER_LIST_TEXT } from './order-list-catalogue';
import { partnerPage } from './partner-layout';

const jst = (iso: string): string => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function orderItem(ctx: PageContext, o: OrderView): SafeHtml {
  const t = ORDER_LIST_TEXT[ctx.locale];
  const c = COMMON_TEXT[ctx.locale];
  const turn = waitsForPartner(o.status);
  return html`<a class="notice-item${turn ? ' unread' : ''}" href="${currentStepPath(o.orderId, o.status)}" data-order-item="${o.orderId}" data-status="${o.status}"${turn ? html` data-your-turn` : ''}>${
    turn ? html`<span class="dot" role="img" aria-label="${t.yourTurn}"></span>` : ''
  }<span data-order-number>${o.details.orderNumber}</span> <span data-order-title>${o.details.title}</span><small>${c.yen(o.details.amountYen)}</small><small data-waits-for>${c.status[o.status]}</small>${
    o.nextReminderAt ? html`<small data-next-reminder="${o.nextReminderAt}">${t.nextReminder(jst(o.nextReminderAt))}</small>` : ''
  }</a>`;
}

/** The orders of one page as a card (the home page and the order list share it). */
export function orderListCard(ctx: PageContext, items: OrderView[]): SafeHtml {
  const t = ORDER_LIST_TEXT[ctx.locale];
  return html`<section class="card" data-orders>
${items.length === 0 ? html`<p class="muted" data-no-orders>${t.none}</p>` : items.map((o) => orderItem(ctx, o))}
</section>`;
}

/** /partner/orders: every order, a page at a time. */
export function orderListPage(ctx: PageContext, page: OrderListPage, older: boolean): string {
  const t = ORDER_LIST_TEXT[ctx.locale];
  return partnerPage(
    ctx,
    t.title,
    html`<h1>${t.title}</h1>
<p class="muted">${t.lead}</p>
${orderListCard(ctx, page.items)}
${page.nextBefore ? html`<a class="btn secondary" href="/partner/orders?before=${encodeURIComponent(page.nextBefore)}" data-older-orders>${t.older}</a>` : ''}
${older ? html`<a class="btn secondary" href="/partner/orders">${t.newest}</a>` : ''}
<a class="btn secondary" href="/partner">${COMMON_TEXT[ctx.locale].home}</a>`,
  );
}

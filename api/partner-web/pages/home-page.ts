// The partner's home page (/partner, where 友だち登録完了 and Lansmart上の通知 lead): the newest
// orders (「該当の発注書をタップします」: each opens the page where it stands, all of them on
// /partner/orders), the in-app notifications newest first, unread ones marked and counted
// (tapping one marks it read and opens the page where the partner acts: a form post, so it carries
// the CSRF token), and ログアウト.
import { PARTNER_NOTIFICATION_KINDS, type PartnerNotificationKind } from '../../../common/partners/notifications';
import type { NotificationPage } from '../notification-store';
import { html } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import type { OrderView } from '../../../common/orders/order-view';
import { HOME_TEXT } from './home-catalogue';
import { logoutForm } from './login-page';
import { ORDER_LIST_TEXT } from './order-list-catalogue';
import { orderListCard } from './order-list';
import { partnerPage } from './partner-layout';

/** A stored kind renkei has words for in every language (any other string may be in the collection). */
const isPartnerNotificationKind = (kind: string): kind is PartnerNotificationKind => (PARTNER_NOTIFICATION_KINDS as readonly string[]).includes(kind);

const jst = (d: Date): string => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export interface HomeView {
  displayName: string;
  page: NotificationPage;
  csrf: string;
  /** Whether this is an older page (then a link back to the newest). */
  older: boolean;
  /** The newest orders, and whether there are more (then a link to all of them). */
  orders: { items: OrderView[]; more: boolean };
  /** The CSRF token of ログアウト. */
  logoutCsrf: string;
}

export function homePage(ctx: PageContext, v: HomeView): string {
  const t = HOME_TEXT[ctx.locale];
  const titleOf = (kind: string, stored: string): string => (ctx.locale === 'ja' || !isPartnerNotificationKind(kind) ? stored : t.kindTitle[kind]);
  return partnerPage(
    ctx,
    t.title,
    html`<h1>${t.title} ${v.page.unread > 0 ? html`<span class="badge" data-unread-count="${String(v.page.unread)}" title="${t.unreadCount(v.page.unread)}">${String(v.page.unread)}</span>` : html`<span data-unread-count="0"></span>`}</h1>
${v.displayName ? html`<p class="muted">${t.signedInAs(v.displayName)}</p>` : ''}
<h2>${ORDER_LIST_TEXT[ctx.locale].title}</h2>
${orderListCard(ctx, v.orders.items)}
${v.orders.more ? html`<a class="btn secondary" href="/partner/orders" data-all-orders>${ORDER_LIST_TEXT[ctx.locale].all}</a>` : ''}
<h2>${t.title}</h2>
<p class="muted" data-unread-text>${t.unreadCount(v.page.unread)}</p>
<section class="card" data-notifications>
${
  v.page.items.length === 0
    ? html`<p class="muted" data-no-notifications>${t.none}</p>`
    : v.page.items.map((n) => {
        // Unread means waiting for the partner: a notification whose step is done is not.
        const unread = n.readAt === null && n.doneAt === null;
        return html`<form method="post" action="/partner/notifications/${encodeURIComponent(n.id)}/open"><input type="hidden" name="csrf" value="${v.csrf}">
<button type="submit" class="notice-item${unread ? ' unread' : ''}" data-notification="${n.id}" data-kind="${n.kind}"${unread ? html` data-unread` : ''}>${unread ? html`<span class="dot" role="img" aria-label="${t.unread}"></span>` : ''}<span data-title>${titleOf(n.kind, n.title)}</span><small>${n.body}</small><small>${jst(n.createdAt)}</small></button>
</form>`;
      })
}
</section>
${v.page.nextBefore ? html`<a class="btn secondary" href="/partner?before=${encodeURIComponent(v.page.nextBefore)}" data-older>${t.older}</a>` : ''}
${v.older ? html`<a class="btn secondary" href="/partner">${t.newest}</a>` : ''}
${logoutForm(ctx, v.logoutCsrf)}`,
  );
}

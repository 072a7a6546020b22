// The page that shows a signed-in person where their own delivery of one notification stands
// (delivering, delivered …), from the notification workflow's status query narrowed to them
// (own-delivery.ts), and the not-found page — in the person's language.
import type { OwnDelivery } from '../notifications/own-delivery';
import { html } from './html';
import { layout } from './layout';
import type { PageContext } from './locale';
import { STATUS_TEXT } from './notification-status-catalogue';

export function notificationStatusPage(ctx: PageContext, state: OwnDelivery, businessName: string): string {
  const t = STATUS_TEXT[ctx.locale];
  const done = state.phase === 'delivered';
  return layout(
    t.title,
    html`<h1>${t.title}</h1>
<section class="card">
<dl>
<dt>${t.event}</dt><dd>${state.eventId}</dd>
<dt>${t.business}</dt><dd>${businessName}</dd>
<dt>${t.state}</dt><dd class="${done ? 'ok' : state.phase === 'failed' ? 'ng' : ''}" data-phase="${state.phase}">${t.phases[state.phase]}</dd>
</dl>
</section>
${state.notice ? html`<section class="card"><p><strong>${state.notice.title}</strong><br>${state.notice.body}</p></section>` : ''}
<section class="card">
<h2 class="card-heading small">${t.recipientsTitle}</h2>
${state.recipients.length
  ? html`<ul>${state.recipients.map((r) => html`<li data-recipient="${r.worksUserId}">${t.recipient(r.worksUserId, t.recipientStatuses[r.status], r.error)}</li>`)}</ul>`
  : html`<p class="muted">${t.none}</p>`}
</section>`,
    ctx,
  );
}

export function notFoundPage(ctx: PageContext, what: 'badEventId' | 'noSuchNotification'): string {
  const t = STATUS_TEXT[ctx.locale];
  return layout(t.notFoundTitle, html`<h1>${t.notFoundTitle}</h1><section class="card"><p>${t[what]}</p></section>`, ctx);
}

// The work-report pages (docs/flows/lansmart-line.md): the 稼動期間 to check, 業務内容を追加 (date within the period,
// hours, what was done; as many as needed, each removable), [業務を登録], then 「業務を登録しました」
// with [請求書を作成する]. Work already registered is shown as it was registered.
import type { DatePeriod, WorkEntry } from '../../../common/orders/types';
import type { OrderView } from '../../../common/orders/order-view';
import { html, type SafeHtml } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import type { DraftEntry, FieldErrors } from '../form-schemas';
import type { FormToken } from '../../web/csrf';
import { orderPaths } from '../partner-order';
import { COMMON_TEXT } from './common-catalogue';
import { donePage, errorSummary, field, hiddenToken, partnerPage } from './partner-layout';
import { REPORT_TEXT } from './report-catalogue';
import { REPORT_FILE_TEXT } from './report-file-catalogue';

export interface WorkForm {
  period: DatePeriod;
  /** The entries kept so far, each with its ID (what its [削除] names). */
  entries: DraftEntry[];
  /** What is typed in the 業務内容 fields. */
  values: { date: string; hours: string; description: string };
  errors: FieldErrors;
  alert?: string;
}

const totalHours = (entries: WorkEntry[]): number => Math.round(entries.reduce((s, e) => s + e.hours, 0) * 100) / 100;

function periodCard(ctx: PageContext, state: OrderView, period: DatePeriod): SafeHtml {
  const t = REPORT_TEXT[ctx.locale];
  const c = COMMON_TEXT[ctx.locale];
  return html`<section class="card"><dl>
<dt>${t.order}</dt><dd>${state.details.orderNumber} ${state.details.title}</dd>
<dt>${t.period}</dt><dd data-period>${c.period(period.from, period.to)}</dd>
<dt>${t.closingDate}</dt><dd>${state.report?.closingDate ?? state.details.closingDate}</dd>
</dl></section>`;
}

function entriesTable<E extends WorkEntry>(ctx: PageContext, entries: E[], remove?: (entry: E) => SafeHtml): SafeHtml {
  const t = REPORT_TEXT[ctx.locale];
  if (entries.length === 0) return html`<p class="muted" data-no-entries>${t.noEntries}</p>`;
  return html`<table data-entries><tbody>
${entries.map(
  (e, i) => html`<tr data-entry="${i}"><td>${e.date}</td><td class="num">${t.hoursValue(e.hours)}</td><td>${e.description}</td>${remove ? html`<td class="num">${remove(e)}</td>` : ''}</tr>`,
)}
<tr class="total"><td colspan="${remove ? '4' : '3'}" class="num" data-total-hours>${t.totalHours(totalHours(entries))}</td></tr>
</tbody></table>`;
}

export function workFormPage(ctx: PageContext, state: OrderView, token: FormToken, form: WorkForm): string {
  const t = REPORT_TEXT[ctx.locale];
  const action = orderPaths(state.orderId).report;
  // The entries added so far are kept on the server (report-draft-store.ts); the forms carry the token.
  const carried = hiddenToken(token);
  const removeButton = (entry: DraftEntry) =>
    html`<form class="inline" method="post" action="${action}">${carried}<input type="hidden" name="entry" value="${entry.id}"><button class="btn secondary" type="submit" name="op" value="remove">${t.remove}</button></form>`;
  return partnerPage(
    ctx,
    t.title,
    html`<h1 data-step="report">${t.title}</h1>
<p>${t.lead}</p>
${periodCard(ctx, state, form.period)}
${errorSummary(ctx, form.errors, form.alert)}
<section class="card"><h2>${t.entriesTitle}</h2>${entriesTable(ctx, form.entries, removeButton)}</section>
<form method="post" action="${action}" class="card" novalidate>${carried}
<h2>${t.addTitle}</h2>
${field(ctx, form.errors, { name: 'date', label: t.date, type: 'date', value: form.values.date, attrs: { min: form.period.from, max: form.period.to } })}
${field(ctx, form.errors, { name: 'hours', label: t.hours, type: 'number', value: form.values.hours, inputmode: 'decimal', attrs: { min: '0.25', max: '24', step: '0.25' } })}
${field(ctx, form.errors, { name: 'description', label: t.description, type: 'textarea', value: form.values.description })}
<button class="btn secondary" type="submit" name="op" value="add">${t.add}</button>
<button class="btn primary" type="submit" name="op" value="register">${t.register}</button>
</form>`,
  );
}

/** Work registered already: as registered, and the way to the invoice while it is awaited. */
export function workRegisteredView(ctx: PageContext, state: OrderView): string {
  const t = REPORT_TEXT[ctx.locale];
  const period = state.report?.period ?? state.details.workPeriod;
  const invoiceOpen = state.status === 'work_registered' || state.status === 'remanded';
  return partnerPage(
    ctx,
    t.title,
    html`<h1 data-step="report-done">${t.title}</h1>
<p class="info">${t.alreadyRegistered}</p>
${periodCard(ctx, state, period)}
<section class="card"><h2>${t.entriesTitle}</h2>${entriesTable(ctx, state.work?.entries ?? [])}</section>
${invoiceOpen ? html`<a class="btn primary" href="${orderPaths(state.orderId).invoice}">${t.createInvoice}</a>` : ''}
${invoiceOpen ? html`<a class="btn secondary" href="${orderPaths(state.orderId).reportFiles}">${REPORT_FILE_TEXT[ctx.locale].title}</a>` : ''}
<a class="btn secondary" href="${orderPaths(state.orderId).order}">${COMMON_TEXT[ctx.locale].backToOrder}</a>`,
  );
}

export function workRegisteredPage(ctx: PageContext, state: OrderView, entries: WorkEntry[]): string {
  const t = REPORT_TEXT[ctx.locale];
  return donePage(
    ctx,
    t.registered,
    [t.registeredSummary(entries.length, totalHours(entries)), t.registeredNext],
    [{ href: orderPaths(state.orderId).invoice, label: t.createInvoice, primary: true }],
  );
}

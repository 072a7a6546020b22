// The purchase-order pages (docs/flows/lansmart-line.md, 通知について): 口座情報登録 and 基本情報設定 when the
// platform has none yet, then the order's contents with [承認する], 最終確認 with [実行する], and
// 「発注書の承認が完了しました」. An order past approval shows its contents and the way on.
import type { OrderView } from '../../../common/orders/order-view';
import { html, type SafeHtml } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import { BASIC_INFO_FIELDS, type BasicInfoField, type BasicInfoProblem } from '../basic-info-form';
import { BANK_ACCOUNT_TYPES, type FieldProblem } from '../form-schemas';
import type { FormToken } from '../../web/csrf';
import { orderPaths } from '../partner-order';
import { BASIC_INFO_TEXT, basicInfoProblemText } from './basic-info-catalogue';
import { BASIC_INFO_INPUT } from './basic-info-page';
import { COMMON_TEXT } from './common-catalogue';
import { ORDER_TEXT } from './order-catalogue';
import { donePage, errorSummary, field, hiddenToken, labelledInput, orderSummary, partnerPage } from './partner-layout';

const labelsOf = (ctx: PageContext) => {
  const t = ORDER_TEXT[ctx.locale];
  return { number: t.number, title: t.subject, amount: t.amount, period: t.period, closingDate: t.closingDate, status: t.status };
};

function nextStepLinks(ctx: PageContext, state: OrderView): SafeHtml {
  const t = ORDER_TEXT[ctx.locale];
  const p = orderPaths(state.orderId);
  const link = (href: string, label: string) => html`<a class="btn primary" href="${href}">${label}</a>`;
  switch (state.status) {
    case 'ordered':
      return html``;
    case 'approved':
      return html`<p class="info">${t.alreadyApproved} ${t.approvedNext}</p>`;
    case 'reporting':
      return link(p.report, t.openReport);
    case 'work_registered':
    case 'remanded':
      return link(p.invoice, t.openInvoice);
    case 'invoiced':
      return link(p.invoice, t.openInvoiceSent);
    case 'payment_notice_issued':
    case 'closed':
      return link(p.paymentNotice, t.openPaymentNotice);
    case 'cancelled':
      return html`<p class="alert">${t.cancelled}</p>`;
  }
}

export function orderPage(ctx: PageContext, state: OrderView): string {
  const t = ORDER_TEXT[ctx.locale];
  return partnerPage(
    ctx,
    t.title,
    html`<h1>${t.title}</h1>
${orderSummary(ctx, labelsOf(ctx), state)}
${
  state.status === 'ordered'
    ? html`<p>${t.checkThenApprove}</p>
<form method="get" action="${orderPaths(state.orderId).approve}"><button class="btn primary" type="submit" data-approve>${t.approve}</button></form>`
    : nextStepLinks(ctx, state)
}
<a class="btn secondary" href="/partner">${COMMON_TEXT[ctx.locale].home}</a>`,
  );
}

export function approveConfirmPage(ctx: PageContext, state: OrderView, token: FormToken): string {
  const t = ORDER_TEXT[ctx.locale];
  return partnerPage(
    ctx,
    t.confirmTitle,
    html`<h1>${t.confirmTitle}</h1>
<p>${t.confirmLead}</p>
${orderSummary(ctx, labelsOf(ctx), state)}
<form method="post" action="${orderPaths(state.orderId).approve}">${hiddenToken(token)}<input type="hidden" name="op" value="execute">
<button class="btn primary" type="submit">${t.execute}</button></form>
<a class="btn secondary" href="${orderPaths(state.orderId).order}">${t.back}</a>`,
  );
}

export function approvedPage(ctx: PageContext): string {
  const t = ORDER_TEXT[ctx.locale];
  return donePage(ctx, t.approved, [t.approvedNext], [{ href: '/partner', label: COMMON_TEXT[ctx.locale].home }]);
}

/** 口座情報 or 基本情報 as posted, with the first problem of each field (P: how a problem is told). */
export interface InfoForm<P = FieldProblem> {
  values: Record<string, string>;
  errors: Partial<Record<string, P>>;
  /** A message over the form (the platform refusing what passed our checks). */
  alert?: string;
}

export function bankAccountPage(ctx: PageContext, state: OrderView, token: FormToken, form: InfoForm): string {
  const t = ORDER_TEXT[ctx.locale];
  const c = COMMON_TEXT[ctx.locale];
  const v = form.values;
  const f = (name: string, label: string, extra: { autocomplete?: string; inputmode?: 'numeric' } = {}) =>
    field(ctx, form.errors, { name, label, value: v[name] ?? '', ...extra });
  const typeProblem = form.errors.accountType;
  return partnerPage(
    ctx,
    t.bankTitle,
    html`<h1 data-step="bank-account">${t.bankTitle}</h1>
<p>${t.bankLead}</p>
${errorSummary(ctx, form.errors, form.alert)}
<form method="post" action="${orderPaths(state.orderId).bankAccount}" class="card" novalidate>${hiddenToken(token)}
${f('bankName', t.bankName)}
${f('branchName', t.branchName)}
<label for="f-accountType">${t.accountType}</label>
<select id="f-accountType" name="accountType"${typeProblem ? html` aria-invalid="true"` : ''}>
${BANK_ACCOUNT_TYPES.map((k) => html`<option value="${k}"${(v.accountType ?? 'ordinary') === k ? html` selected` : ''}>${t.accountTypes[k]}</option>`)}
</select>
${typeProblem ? html`<p class="field-error" data-field-error="accountType">${c.fieldProblem[typeProblem]}</p>` : ''}
${f('accountNumber', t.accountNumber, { inputmode: 'numeric' })}
${f('accountHolderKana', t.accountHolderKana)}
<button class="btn primary" type="submit">${t.register}</button>
</form>
${orderSummary(ctx, labelsOf(ctx), state)}`,
  );
}

/** The fields, inputs and messages of 基本情報登録 (basic-info-page.ts), checked by the same rules. */
export function basicInfoPage(ctx: PageContext, state: OrderView, token: FormToken, form: InfoForm<BasicInfoProblem>): string {
  const t = ORDER_TEXT[ctx.locale];
  const f = (name: BasicInfoField) => {
    const problem = form.errors[name];
    const spec = { name, label: BASIC_INFO_TEXT[ctx.locale].fields[name], value: form.values[name] ?? '', ...BASIC_INFO_INPUT[name] };
    return labelledInput(spec, problem && basicInfoProblemText(ctx.locale, name, problem));
  };
  return partnerPage(
    ctx,
    t.basicTitle,
    html`<h1 data-step="basic-info">${t.basicTitle}</h1>
<p>${t.basicLead}</p>
${errorSummary(ctx, form.errors, form.alert)}
<form method="post" action="${orderPaths(state.orderId).basicInfo}" class="card" novalidate>${hiddenToken(token)}
${BASIC_INFO_FIELDS.map(f)}
<button class="btn primary" type="submit">${t.register}</button>
</form>
${orderSummary(ctx, labelsOf(ctx), state)}`,
  );
}

// The frame of the partner's phone pages: renkei's page shell plus what forms need on a phone
// (full-width fields with 16px text so the phone does not zoom, per-field messages, rows, totals),
// and the building blocks the step pages share: a labelled field with its message, the hidden
// token of a form, the order's summary card and the done / refusal results. The sign-in and
// registration forms add a few styles of their own (form.css): large touch targets for checkboxes,
// labelled inputs that fill the phone's width, and field errors next to their field.
import type { OrderView } from '../../../common/orders/order-view';
import { html, SafeHtml } from '../../pages/html';
import { layout } from '../../pages/layout';
import { stylesheet, stylesheetLink } from '../../pages/stylesheet';
import type { PageContext } from '../../pages/locale';
import type { FieldErrors } from '../form-schemas';
import type { FormToken } from '../../web/csrf';
import { COMMON_TEXT } from './common-catalogue';

const STYLE = `
label{display:block;margin:.75rem 0 .25rem;font-weight:600;font-size:.9rem}
input,select,textarea{width:100%;padding:.6rem .7rem;font-size:16px;border:1px solid #d0d7de;border-radius:8px;font-family:inherit;background:#fff}
textarea{min-height:5rem}
input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border-color:#cf222e}
.field-error{color:#cf222e;font-size:.85rem;margin:.25rem 0 0}
.alert{background:#fff1f0;border:1px solid #ffccc7;border-radius:8px;padding:.6rem .8rem;color:#a8071a}
.info{background:#eef4ff;border:1px solid #c7d8ff;border-radius:8px;padding:.6rem .8rem}
.row{border-top:1px solid #eaeef2;padding-top:.5rem;margin-top:.5rem}
.total td,.total th{font-weight:700;border-bottom:0}
td.num,th.num{text-align:right;white-space:nowrap}
.inline{display:inline}.inline button{width:auto;display:inline-block;padding:.3rem .7rem;margin:0;font-size:.85rem}
.badge{display:inline-block;min-width:1.5rem;padding:0 .45rem;border-radius:999px;background:#cf222e;color:#fff;font-size:.8rem;text-align:center}
.notice-item{display:block;width:100%;text-align:left;background:#fff;border:0;border-bottom:1px solid #eaeef2;padding:.75rem .25rem;font:inherit;color:inherit;cursor:pointer}
.notice-item.unread{font-weight:700}.notice-item .dot{display:inline-block;width:.55rem;height:.55rem;border-radius:50%;background:#2864f0;margin-right:.4rem}
.notice-item small{display:block;font-weight:400;color:#59636e}
h2{font-size:1.05rem;margin:0 0 .5rem}`;

/** The partner pages' stylesheet, served at /assets/partner.css. */
export const PARTNER_STYLESHEET = stylesheet('partner.css', STYLE);

const FORM_STYLE = `
.field{margin:0 0 .9rem}.field label{display:block;font-weight:600;margin-bottom:.25rem}
.field input[type=text],.field input[type=tel]{width:100%;font-size:1rem;padding:.65rem .75rem;border:1px solid #d0d7de;border-radius:8px;font-family:inherit}
.field input[aria-invalid=true]{border-color:#cf222e;background:#fff8f8}.hint{color:#59636e;font-size:.8rem;margin:.2rem 0 0}
.req{color:#cf222e;font-size:.75rem;font-weight:400;margin-left:.35rem}.field-error{color:#cf222e;font-size:.875rem;margin:.25rem 0 0}
.check{display:flex;gap:.6rem;align-items:flex-start;padding:.6rem 0;border-bottom:1px solid #eaeef2}.check:last-child{border-bottom:0}
.check input{width:1.35rem;height:1.35rem;flex:none;margin:.1rem 0 0}.check[data-missing] span{color:#cf222e}
.alert{border-left:4px solid #cf222e;background:#fff8f8;padding:.6rem .8rem;border-radius:6px;margin:0 0 1rem}
.notice{border-left:4px solid #1a7f37;background:#f3fbf5;padding:.6rem .8rem;border-radius:6px;margin:0 0 1rem}
.line{background:#06c755;color:#fff;font-weight:700}`;

/** Served at /assets/form.css. */
export const FORM_STYLESHEET = stylesheet('form.css', FORM_STYLE);

/** The sign-in and registration forms' stylesheet, placed at the top of a page body. */
export const formStyle = (): SafeHtml => stylesheetLink(FORM_STYLESHEET);

export function partnerPage(ctx: PageContext, title: string, body: SafeHtml): string {
  return layout(title, html`${stylesheetLink(PARTNER_STYLESHEET)}${body}`, ctx);
}

export function hiddenToken(token: FormToken): SafeHtml {
  return html`<input type="hidden" name="rid" value="${token.rid}"><input type="hidden" name="csrf" value="${token.csrf}">`;
}

export interface FieldSpec {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'tel' | 'number' | 'date' | 'month' | 'textarea';
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'tel';
  /** Extra attributes already escaped (min, max, step). */
  attrs?: Record<string, string>;
  /** The error key of this field when it differs from its name (rows). */
  errorKey?: string;
}

/** A labelled input with its problem's message (if any) under it, tied by aria-describedby. */
export function field(ctx: PageContext, errors: FieldErrors, f: FieldSpec): SafeHtml {
  const problem = errors[f.errorKey ?? f.name];
  return labelledInput(f, problem && COMMON_TEXT[ctx.locale].fieldProblem[problem]);
}

/** A labelled input with `message` (what is wrong with it, if anything) under it, tied by aria-describedby. */
export function labelledInput(f: FieldSpec, message?: string): SafeHtml {
  const id = `f-${(f.errorKey ?? f.name).replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const attrs = Object.entries(f.attrs ?? {}).map(([k, v]) => html` ${k}="${v}"`);
  const common = html`id="${id}" name="${f.name}"${message ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.inputmode ? html` inputmode="${f.inputmode}"` : ''}${attrs}`;
  const control =
    f.type === 'textarea'
      ? html`<textarea ${common}>${f.value ?? ''}</textarea>`
      : html`<input type="${f.type ?? 'text'}" ${common} value="${f.value ?? ''}">`;
  return html`<label for="${id}">${f.label}</label>${control}${
    message ? html`<p class="field-error" id="${id}-error" data-field-error="${f.errorKey ?? f.name}">${message}</p>` : ''
  }`;
}

/** The banner over a form that has problems (`errors`: one entry per field with a problem). */
export function errorSummary(ctx: PageContext, errors: Partial<Record<string, unknown>>, extra?: string): SafeHtml {
  const any = Object.keys(errors).length > 0;
  if (!any && !extra) return html``;
  return html`<p class="alert" role="alert" data-form-error>${extra ?? COMMON_TEXT[ctx.locale].formHasErrors}</p>`;
}

/** 発注書の内容: 番号, 件名, 金額, 稼動期間, 締め日 (and the status). */
export function orderSummary(ctx: PageContext, labels: { number: string; title: string; amount: string; period: string; closingDate: string; status: string }, state: OrderView): SafeHtml {
  const c = COMMON_TEXT[ctx.locale];
  const d = state.details;
  return html`<section class="card" data-order="${state.orderId}">
<dl>
<dt>${labels.number}</dt><dd data-order-number>${d.orderNumber}</dd>
<dt>${labels.title}</dt><dd data-order-title>${d.title}</dd>
<dt>${labels.amount}</dt><dd data-order-amount>${c.yen(d.amountYen)}</dd>
<dt>${labels.period}</dt><dd data-order-period>${c.period(d.workPeriod.from, d.workPeriod.to)}</dd>
<dt>${labels.closingDate}</dt><dd data-order-closing>${d.closingDate}</dd>
<dt>${labels.status}</dt><dd data-order-status="${state.status}">${c.status[state.status]}</dd>
</dl>
</section>`;
}

/** A finished step: its title (data-result), what it means, and where to go next. */
export function donePage(ctx: PageContext, title: string, lines: string[], links: Array<{ href: string; label: string; primary?: boolean }>): string {
  return partnerPage(
    ctx,
    title,
    html`<h1 class="ok" data-result>${title}</h1>
<section class="card">${lines.map((l) => html`<p>${l}</p>`)}</section>
${links.map((l) => html`<a class="btn ${l.primary ? 'primary' : 'secondary'}" href="${l.href}">${l.label}</a>`)}`,
  );
}

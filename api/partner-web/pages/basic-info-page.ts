// 基本情報登録 and 基本情報登録完了 (docs/flows/lansmart-line.md ⑤⑥): the platform's fields with 「登録」, each mistake
// shown under its field; then the completion page that ends ユーザー登録.
import { html } from '../../pages/html';
import { layout } from '../../pages/layout';
import type { PageContext } from '../../pages/locale';
import { BASIC_INFO_FIELDS, type BasicInfoField, type BasicInfoProblems } from '../basic-info-form';
import { BASIC_INFO_TEXT, basicInfoProblemText } from './basic-info-catalogue';
import { COMMON_TEXT } from './common-catalogue';
import { formStyle } from './partner-layout';
import { logoutForm } from './login-page';

export interface BasicInfoView {
  values: Record<BasicInfoField, string>;
  problems: BasicInfoProblems;
  /** The platform refused what passed renkei's checks. */
  platformRejected: boolean;
  csrf: string;
}

/** How each field's input is offered on a phone (also on the order page's 基本情報の設定). */
export const BASIC_INFO_INPUT: Record<BasicInfoField, { type: 'text' | 'tel'; autocomplete: string; inputmode?: 'tel' | 'numeric' }> = {
  name: { type: 'text', autocomplete: 'name' },
  nameKana: { type: 'text', autocomplete: 'off' },
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel' },
  postalCode: { type: 'text', autocomplete: 'postal-code', inputmode: 'numeric' },
  address: { type: 'text', autocomplete: 'street-address' },
};

export function basicInfoPage(ctx: PageContext, v: BasicInfoView): string {
  const t = BASIC_INFO_TEXT[ctx.locale];
  const invalid = Object.keys(v.problems).length > 0;
  return layout(
    t.title,
    html`${formStyle()}<h1>${t.title}</h1>
<p>${t.lead}</p>
${invalid ? html`<p class="alert" role="alert" data-form-error>${COMMON_TEXT[ctx.locale].formHasErrors}</p>` : ''}
${v.platformRejected ? html`<p class="alert" role="alert" data-platform-error>${t.platformRejected}</p>` : ''}
<form method="post" action="/partner/register/basic-info" novalidate>
<input type="hidden" name="csrf" value="${v.csrf}">
<section class="card">
${BASIC_INFO_FIELDS.map((f) => {
  const p = v.problems[f];
  const i = BASIC_INFO_INPUT[f];
  return html`<div class="field">
<label for="f-${f}">${t.fields[f]}<span class="req">${t.required}</span></label>
<input id="f-${f}" name="${f}" type="${i.type}" autocomplete="${i.autocomplete}"${i.inputmode ? html` inputmode="${i.inputmode}"` : ''} value="${v.values[f]}" required${p ? html` aria-invalid="true" aria-describedby="e-${f}"` : ''}>
${p ? html`<p class="field-error" id="e-${f}" data-field-error="${f}">${basicInfoProblemText(ctx.locale, f, p)}</p>` : html`<p class="hint">${t.hints[f]}</p>`}
</div>`;
})}
</section>
<button class="btn primary" type="submit" data-submit>${t.submit}</button>
</form>`,
    ctx,
  );
}

export function basicInfoDonePage(ctx: PageContext, v: { friend: boolean; logoutCsrf: string }): string {
  const t = BASIC_INFO_TEXT[ctx.locale];
  return layout(
    t.doneTitle,
    html`<h1 data-result>${t.doneTitle}</h1>
<section class="card">
<p class="ok">${t.doneLead}</p>
<p>${t.doneNotices}</p>
<p data-friend="${v.friend ? 'yes' : 'no'}">${v.friend ? t.doneFriend : t.doneNotFriend}</p>
</section>
<a class="btn primary" href="/partner">${t.open}</a>
${logoutForm(ctx, v.logoutCsrf)}`,
    ctx,
  );
}

// 基本情報の修正 from the invoice's confirmation (docs/flows/lansmart-line.md, work report and invoice ⑤:
// 「基本情報の修正が必要な場合のみ編集を行ってください」): 基本情報登録's fields, inputs and messages, filled
// with what the platform has, saved there, then back to the invoice.
import type { OrderView } from '../../../common/orders/order-view';
import { html } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import { BASIC_INFO_FIELDS, type BasicInfoField, type BasicInfoProblem } from '../basic-info-form';
import { orderPaths } from '../partner-order';
import { BASIC_INFO_TEXT, basicInfoProblemText } from './basic-info-catalogue';
import { BASIC_INFO_INPUT } from './basic-info-page';
import { INVOICE_TEXT } from './invoice-catalogue';
import type { InfoForm } from './order-pages';
import { errorSummary, hiddenToken, labelledInput, partnerPage } from './partner-layout';
import { type FormToken } from '../../web/csrf';

export function invoiceBasicInfoPage(ctx: PageContext, state: OrderView, token: FormToken, form: InfoForm<BasicInfoProblem>): string {
  const t = INVOICE_TEXT[ctx.locale];
  const f = (name: BasicInfoField) => {
    const problem = form.errors[name];
    const spec = { name, label: BASIC_INFO_TEXT[ctx.locale].fields[name], value: form.values[name] ?? '', ...BASIC_INFO_INPUT[name] };
    return labelledInput(spec, problem && basicInfoProblemText(ctx.locale, name, problem));
  };
  const invoice = orderPaths(state.orderId).invoice;
  return partnerPage(
    ctx,
    t.basicInfoTitle,
    html`<h1 data-step="invoice-basic-info">${t.basicInfoTitle}</h1>
<p class="muted">${t.order}: ${state.details.orderNumber} ${state.details.title}</p>
<p>${t.basicInfoNote}</p>
${errorSummary(ctx, form.errors, form.alert)}
<form method="post" action="${invoice}/basic-info" class="card" novalidate>${hiddenToken(token)}
${BASIC_INFO_FIELDS.map(f)}
<button class="btn primary" type="submit">${t.saveBasicInfo}</button>
</form>
<a class="btn secondary" href="${invoice}/confirm">${t.backToInvoice}</a>`,
  );
}

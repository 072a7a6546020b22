// ユーザー登録 (docs/flows/lansmart-line.md ①②): who is invited (company, e-mail), the three required consents and
// 「LINEでユーザー登録」. Posted without every consent, it comes back with the boxes as they were
// and the missing ones marked.
import { html } from '../../pages/html';
import { layout } from '../../pages/layout';
import type { PageContext } from '../../pages/locale';
import { CONSENTS, type Consent } from '../registration-consents';
import { formStyle } from './partner-layout';
import { REGISTRATION_TEXT } from './registration-catalogue';

export interface RegistrationView {
  invitation: string;
  companyName: string;
  email: string;
  csrf: string;
  ticked: Set<Consent>;
  /** Posted without every consent: show the error and mark the unticked boxes. */
  consentMissing: boolean;
}

export function registrationPage(ctx: PageContext, v: RegistrationView): string {
  const t = REGISTRATION_TEXT[ctx.locale];
  const label: Record<Consent, string> = { terms: t.consentTerms, privacy: t.consentPrivacy, electronic_records: t.consentRecords };
  return layout(
    t.title,
    html`${formStyle()}<h1>${t.title}</h1>
<section class="card">
<dl>
<dt>${t.company}</dt><dd data-company>${v.companyName}</dd>
<dt>${t.email}</dt><dd data-email>${v.email}</dd>
</dl>
</section>
${v.consentMissing ? html`<p class="alert" role="alert" data-consent-error>${t.consentMissing}</p>` : ''}
<form method="post" action="/partner/register">
<input type="hidden" name="invitation" value="${v.invitation}">
<input type="hidden" name="csrf" value="${v.csrf}">
<section class="card">
<p>${t.consentLead}</p>
${CONSENTS.map((c) => {
  const missing = v.consentMissing && !v.ticked.has(c);
  return html`<label class="check"${missing ? html` data-missing` : ''}><input type="checkbox" name="consent" value="${c}" required${v.ticked.has(c) ? html` checked` : ''}${missing ? html` aria-invalid="true"` : ''} data-consent="${c}"><span>${label[c]}</span></label>`;
})}
</section>
<button class="btn line" type="submit" data-line-register>${t.submit}</button>
</form>
<p class="muted">${t.steps}</p>
<p class="muted">${t.emailNote}</p>
<p class="muted">${t.partnersOnly}</p>`,
    ctx,
  );
}

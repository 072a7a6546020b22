// ユーザー登録 (docs/flows/lansmart-line.md ①②): who is invited (company, e-mail), the three required consents and
// 「LINEでユーザー登録」. Posted without every consent, it comes back with the boxes as they were
// and the missing ones marked. The same consents are the step a partner who logged in before
// registering goes through first (`consentStep`), before 基本情報登録.
import { html } from '../../pages/html';
import { layout } from '../../pages/layout';
import type { PageContext } from '../../pages/locale';
import { CONSENTS, type Consent } from '../registration-consents';
import { formStyle } from './partner-layout';
import { REGISTRATION_TEXT } from './registration-catalogue';

export interface RegistrationView {
  /** The invitation of the registration page; absent on the consent step of a signed-in partner. */
  invitation?: string;
  companyName?: string;
  email: string;
  csrf: string;
  ticked: Set<Consent>;
  /** Posted without every consent: show the error and mark the unticked boxes. */
  consentMissing: boolean;
}

export const CONSENT_STEP_PATH = '/partner/register/consents';

export function registrationPage(ctx: PageContext, v: RegistrationView): string {
  const t = REGISTRATION_TEXT[ctx.locale];
  const consentStep = v.invitation === undefined;
  const label: Record<Consent, string> = { terms: t.consentTerms, privacy: t.consentPrivacy, electronic_records: t.consentRecords };
  return layout(
    t.title,
    html`${formStyle()}<h1>${t.title}</h1>
<section class="card">
<dl>
${v.companyName === undefined ? '' : html`<dt>${t.company}</dt><dd data-company>${v.companyName}</dd>`}
<dt>${t.email}</dt><dd data-email>${v.email}</dd>
</dl>
</section>
${v.consentMissing ? html`<p class="alert" role="alert" data-consent-error>${t.consentMissing}</p>` : ''}
<form method="post" action="${consentStep ? CONSENT_STEP_PATH : '/partner/register'}">
${consentStep ? '' : html`<input type="hidden" name="invitation" value="${v.invitation ?? ''}">`}
<input type="hidden" name="csrf" value="${v.csrf}">
<section class="card">
${consentStep ? html`<p data-consent-step>${t.consentStepLead}</p>` : ''}
<p>${t.consentLead}</p>
${CONSENTS.map((c) => {
  const missing = v.consentMissing && !v.ticked.has(c);
  return html`<label class="check"${missing ? html` data-missing` : ''}><input type="checkbox" name="consent" value="${c}" required${v.ticked.has(c) ? html` checked` : ''}${missing ? html` aria-invalid="true"` : ''} data-consent="${c}"><span>${label[c]}</span></label>`;
})}
</section>
${consentStep ? html`<button class="btn primary" type="submit" data-consent-submit>${t.consentStepSubmit}</button>` : html`<button class="btn line" type="submit" data-line-register>${t.submit}</button>`}
</form>
${consentStep ? '' : html`<p class="muted">${t.steps}</p>`}
<p class="muted">${t.emailNote}</p>
<p class="muted">${t.partnersOnly}</p>`,
    ctx,
  );
}

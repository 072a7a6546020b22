// The page a partner sees when ユーザー登録 or ログイン with LINE stops: what happened, what to do,
// a reference number when support may need one, and the way on: start again, or — where LINE can
// never work (a company user, a company without the LINE option) — the platform's e-mail login.
// An e-mail mismatch shows both addresses, masked.
import { html } from '../../pages/html';
import { layout } from '../../pages/layout';
import type { PageContext } from '../../pages/locale';
import { SIGN_IN_ERROR_TEXT } from './sign-in-error-catalogue';
import { SIGN_IN_ERROR_TABLE, type SignInErrorKind } from './sign-in-messages';

export interface SignInErrorView {
  kind: SignInErrorKind;
  /** Which flow stopped (the page title). */
  flow: 'register' | 'login';
  /** Where to go on: ユーザー登録 again (the invitation's page) or the login page. */
  retry: 'register' | 'login';
  retryHref: string;
  referenceId?: string;
  /** EMAIL_MISMATCH: the LINE account's and the platform's addresses, masked. */
  emails?: { line: string; platform: string };
  /** The platform's e-mail login, offered instead of starting again with LINE. */
  emailLoginUrl?: string;
}

export function signInErrorPage(ctx: PageContext, v: SignInErrorView): string {
  const t = SIGN_IN_ERROR_TEXT[ctx.locale];
  const e = SIGN_IN_ERROR_TABLE[ctx.locale][v.kind];
  return layout(
    v.flow === 'register' ? t.registerTitle : t.loginTitle,
    html`<h1>${t.heading}</h1>
<section class="card" data-error-kind="${v.kind}">
<p class="ng" data-error-message>${e.message}</p>
<h2 class="remedy-heading">${t.remedyHeading}</h2>
<p data-error-remedy>${e.remedy}</p>
${v.emails ? html`<dl data-emails><dt>${t.lineEmail}</dt><dd data-line-email>${v.emails.line}</dd><dt>${t.platformEmail}</dt><dd data-platform-email>${v.emails.platform}</dd></dl>` : ''}
${v.referenceId ? html`<p class="muted">${t.referenceId} <span data-reference-id>${v.referenceId}</span></p>` : ''}
</section>
${
  v.emailLoginUrl
    ? html`<a class="btn primary" href="${v.emailLoginUrl}" data-email-login>${t.emailLogin}</a>`
    : html`<a class="btn secondary" href="${v.retryHref}" data-retry>${v.retry === 'register' ? t.retryRegister : t.retryLogin}</a>`
}`,
    ctx,
  );
}

// ログイン (docs/flows/lansmart-line.md, ログイン ①): 「LINEでログイン」 with the help page's notes; and, for a partner
// already signed in, who they are, 「Lansmartを開く」 and ログアウト.
import { html } from '../../pages/html';
import { layout } from '../../pages/layout';
import type { PageContext } from '../../pages/locale';
import { formStyle } from './partner-layout';
import { LOGIN_TEXT } from './login-catalogue';

export function loginPage(ctx: PageContext, v: { csrf: string; returnTo: string; loggedOut: boolean }): string {
  const t = LOGIN_TEXT[ctx.locale];
  return layout(
    t.title,
    html`${formStyle()}<h1>${t.title}</h1>
${v.loggedOut ? html`<p class="notice" role="status" data-logged-out>${t.loggedOut}</p>` : ''}
<section class="card">
<p>${t.lead}</p>
<form method="post" action="/partner/login">
<input type="hidden" name="return_to" value="${v.returnTo}">
<input type="hidden" name="csrf" value="${v.csrf}">
<button class="btn line" type="submit" data-line-login>${t.submit}</button>
</form>
</section>
<p class="muted">${t.steps}</p>
<p class="muted">${t.emailNote}</p>
<p class="muted">${t.partnersOnly}</p>`,
    ctx,
  );
}

/** The form of ログアウト, for any partner page that offers it. */
export function logoutForm(ctx: PageContext, csrf: string) {
  return html`<form method="post" action="/partner/logout"><input type="hidden" name="csrf" value="${csrf}"><button class="btn secondary" type="submit" data-logout>${LOGIN_TEXT[ctx.locale].logout}</button></form>`;
}

export function signedInPage(ctx: PageContext, v: { displayName: string; logoutCsrf: string }): string {
  const t = LOGIN_TEXT[ctx.locale];
  return layout(
    t.signedInTitle,
    html`<h1 data-result>${t.signedInTitle}</h1>
<section class="card"><p data-signed-in>${t.signedInAs(v.displayName)}</p></section>
<a class="btn primary" href="/partner">${t.open}</a>
${logoutForm(ctx, v.logoutCsrf)}`,
    ctx,
  );
}

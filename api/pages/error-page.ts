// The one error page of renkei's people-facing pages (the freee × LINE WORKS link flows and the
// partner's phone pages alike): what went wrong, what to do, a reference number when support may
// need one, and the ways forward. Which failure shows which words with which status is decided in
// api/web/error-pages.ts; this only lays the page out.
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import type { PageContext } from './locale';

export interface ErrorPageLink {
  href: string;
  label: string;
  primary?: boolean;
  /** The way back into the flow that stopped (sign-in, registration). */
  retry?: boolean;
  /** The platform's e-mail login, offered where LINE can never work. */
  emailLogin?: boolean;
  /** Names the way forward for scripts and tests (`data-action`). */
  action?: string;
}

export interface ErrorPageView {
  /** The failure code (`data-error-code`), e.g. `link.FORM_EXPIRED`. */
  code: string;
  /** The message key shown (`data-error-kind`), e.g. `EXPIRED`. */
  kind: string;
  /** A partner page's problem (`data-problem` on the heading), or a refused step's reason (`data-refusal`). */
  problem?: string;
  refusal?: string;
  title: string;
  heading: string;
  message: string;
  remedy?: { heading: string; text: string };
  /** Further lines under the message (already in the page's language). */
  notes?: SafeHtml[];
  reference?: { label: string; id: string };
  links: ErrorPageLink[];
}

export function errorPage(ctx: PageContext, v: ErrorPageView): string {
  return layout(
    v.title,
    html`<h1 data-error-code="${v.code}"${v.problem ? html` data-problem="${v.problem}"` : ''}${v.refusal ? html` data-refusal="${v.refusal}"` : ''}>${v.heading}</h1>
<section class="card" data-error-kind="${v.kind}">
<p class="ng" data-error-message>${v.message}</p>
${v.remedy ? html`<h2 class="remedy-heading">${v.remedy.heading}</h2>
<p data-error-remedy>${v.remedy.text}</p>` : ''}
${v.notes ?? []}
${v.reference ? html`<p class="muted">${v.reference.label} <span data-reference-id>${v.reference.id}</span></p>` : ''}
</section>
${v.links.map((l) => html`<a class="btn ${l.primary ? 'primary' : 'secondary'}" href="${l.href}"${l.retry ? html` data-retry` : ''}${l.emailLogin ? html` data-email-login` : ''}${l.action ? html` data-action="${l.action}"` : ''}>${l.label}</a>`)}`,
    ctx,
  );
}

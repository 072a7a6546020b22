// The pages of the freee × LINE WORKS flows, as the help page (docs/flows/freee-lineworks.md) shows them: the consent
// screens 「連携を開始しますか?」/「連携を解除しますか?」 with [許可する] and [事業所を変更する], the
// results 「連携に成功しました」/「連携を解除しました」 and the admin's completion, in the person's
// language (link-catalogue.ts); its errors are the one error page's (web/error-pages.ts).
import { errorPage } from './error-page';
import { html } from './html';
import { layout } from './layout';
import { LINK_TEXT } from './link-catalogue';
import { LINK_ERROR_TABLE, type LinkErrorKind } from './link-messages';
import type { PageContext } from './locale';

export interface ConsentPage {
  kind: 'link' | 'unlink';
  companyName: string;
  worksAccount?: string;
  formAction: string;
  hidden: Record<string, string>;
  /** Where [事業所を変更する] leads (freee's business switch). */
  switchUrl: string;
  note?: 'adminPrerequisite' | 'adminChangedBusiness';
}

export function consentPage(ctx: PageContext, p: ConsentPage): string {
  const t = LINK_TEXT[ctx.locale];
  const title = p.kind === 'link' ? t.linkTitle : t.unlinkTitle;
  return layout(
    title,
    html`<h1>${title}</h1>
<section class="card">
<dl>
<dt>${t.business}</dt><dd data-company>${p.companyName}</dd>
${p.worksAccount ? html`<dt>${t.lineWorks}</dt><dd data-works-account>${p.worksAccount}</dd>` : ''}
</dl>
</section>
<form method="post" action="${p.formAction}">
${Object.entries(p.hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<button class="btn primary" type="submit" name="decision" value="allow">${t.allow}</button>
</form>
<a class="btn secondary" href="${p.switchUrl}">${t.changeBusiness}</a>
${p.note ? html`<p class="muted">${t[p.note]}</p>` : ''}`,
    ctx,
  );
}

/** A way forward from an outcome page; the first is the page's primary button. */
export interface PageLink {
  href: string;
  label: string;
  /** Names the link for scripts and tests (`data-action`). */
  action?: string;
}

const pageLinks = (links: PageLink[]) =>
  links.map((l, i) => html`<a class="btn ${i === 0 ? 'primary' : 'secondary'}" href="${l.href}"${l.action ? html` data-action="${l.action}"` : ''}>${l.label}</a>`);

/** A result: its title, what it means (already in the page's language), and where to go next. */
export function resultPage(ctx: PageContext, title: string, lines: string[], links: PageLink[] = [], resultKind?: string): string {
  return layout(
    title,
    html`<h1 data-result${resultKind ? html`="${resultKind}"` : ''}>${title}</h1>
<section class="card">${lines.map((l) => html`<p>${l}</p>`)}</section>
${pageLinks(links)}`,
    ctx,
  );
}
/** A link flow's error page: the one error page (pages/error-page.ts) with this flow's words and ways forward. */
export function linkErrorPage(ctx: PageContext, kind: LinkErrorKind, referenceId?: string, links: PageLink[] = [], code = `link.${kind}`): string {
  const t = LINK_TEXT[ctx.locale];
  const e = LINK_ERROR_TABLE[ctx.locale][kind];
  return errorPage(ctx, {
    code,
    kind,
    title: t.errorTitle,
    heading: t.errorHeading,
    message: e.message,
    remedy: { heading: t.remedyHeading, text: e.remedy },
    ...(referenceId ? { reference: { label: t.referenceId, id: referenceId } } : {}),
    links: links.map((l, i) => ({ href: l.href, label: l.label, primary: i === 0, ...(l.action ? { action: l.action } : {}) })),
  });
}

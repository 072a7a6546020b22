// The pages of the freee × LINE WORKS flows, as the help page (seed 000) shows them: the consent
// screens 「連携を開始しますか?」/「連携を解除しますか?」 with [許可する] and [事業所を変更する], the
// results 「連携に成功しました」/「連携を解除しました」, the admin's completion, and every error.
import { html } from './html';
import { layout } from './layout';
import type { LinkErrorMessage } from './link-messages';

export interface ConsentPage {
  title: '連携を開始しますか?' | '連携を解除しますか?';
  companyName: string;
  worksAccount?: string;
  formAction: string;
  hidden: Record<string, string>;
  switchUrl: string;
  note?: string;
}

export function consentPage(p: ConsentPage): string {
  return layout(
    p.title,
    html`<h1>${p.title}</h1>
<section class="card">
<dl>
<dt>事業所</dt><dd data-company>${p.companyName}</dd>
${p.worksAccount ? html`<dt>LINE WORKS</dt><dd data-works-account>${p.worksAccount}</dd>` : ''}
</dl>
</section>
<form method="post" action="${p.formAction}">
${Object.entries(p.hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<button class="btn primary" type="submit" name="decision" value="allow">許可する</button>
</form>
<a class="btn secondary" href="${p.switchUrl}">事業所を変更する</a>
${p.note ? html`<p class="muted">${p.note}</p>` : ''}`,
  );
}

export function resultPage(title: string, lines: string[], links: Array<{ href: string; label: string }> = []): string {
  return layout(
    title,
    html`<h1 data-result>${title}</h1>
<section class="card">${lines.map((l) => html`<p>${l}</p>`)}</section>
${links.map((l) => html`<a class="btn secondary" href="${l.href}">${l.label}</a>`)}`,
  );
}

export function linkErrorPage(e: LinkErrorMessage, referenceId?: string): string {
  return layout(
    '連携に失敗しました',
    html`<h1>エラー</h1>
<section class="card">
<p class="ng" data-error-message>${e.message}</p>
<h2 style="font-size:1rem;margin:.75rem 0 .25rem">対処方法</h2>
<p data-error-remedy>${e.remedy}</p>
${referenceId ? html`<p class="muted">お問い合わせ番号: <span data-reference-id>${referenceId}</span></p>` : ''}
</section>`,
  );
}

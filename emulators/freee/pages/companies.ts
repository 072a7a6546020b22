// The 事業所 switch: the signed-in user's companies, the current one marked, one [選択] each.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import { sendFreeePage } from './layout';

export function sendCompanySwitchPage(
  res: Response,
  input: { companies: { id: number; name: string; role: string }[]; currentId: number | undefined; returnTo?: string; notice?: string },
): void {
  sendFreeePage(
    res,
    200,
    '事業所の切り替え',
    html`<section class="card">
<h1>事業所の切り替え</h1>
${input.notice === undefined ? null : html`<p class="notice" role="status">${input.notice}</p>`}
<ul class="plain">
${input.companies.map(
  (company) => html`<li>
<form method="post" action="/companies/switch">
<input type="hidden" name="company_id" value="${company.id}">
${input.returnTo === undefined ? null : html`<input type="hidden" name="return_to" value="${input.returnTo}">`}
<strong>${company.name}</strong> ${company.id === input.currentId ? html`<span class="muted">(選択中)</span>` : null}
<button type="submit"${company.id === input.currentId ? html` class="primary"` : null}>選択</button>
</form>
</li>`,
)}
</ul>
</section>
<p><a href="/">ホーム</a></p>`,
  );
}

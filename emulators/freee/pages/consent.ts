// The freee OAuth consent page: which app asks for access, for which 事業所 (a choice among the
// user's companies with prompt=select_company, else the current one), [許可する] / [キャンセル].

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import { sendFreeePage } from './layout';

export function sendFreeeConsentPage(
  res: Response,
  input: {
    requestId: string;
    appName: string;
    userName: string;
    companies: { id: number; name: string }[];
    currentId: number;
    selectCompany: boolean;
  },
): void {
  const current = input.companies.find((company) => company.id === input.currentId);
  sendFreeePage(
    res,
    200,
    'アプリ連携の許可',
    html`<section class="card">
<h1>${input.appName}との連携を許可しますか?</h1>
<p>${input.userName}さんのfreeeアカウントへのアクセスを${input.appName}に許可します。</p>
<form method="post" action="/public_api/authorize">
<input type="hidden" name="request" value="${input.requestId}">
<h2>事業所</h2>
${
  input.selectCompany && input.companies.length > 1
    ? html`<ul class="plain">${input.companies.map(
        (company) =>
          html`<li><label><input type="radio" name="company_id" value="${company.id}"${company.id === input.currentId ? html` checked` : null}> ${company.name}</label></li>`,
      )}</ul>`
    : html`<p><strong>${current?.name ?? ''}</strong></p><input type="hidden" name="company_id" value="${input.currentId}">`
}
<button type="submit" name="decision" value="allow" class="primary">許可する</button>
<button type="submit" name="decision" value="deny">キャンセル</button>
</form>
</section>`,
  );
}

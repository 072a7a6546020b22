// The OAuth consent page: which app asks for which rights on behalf of which member.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import { scopeList, sendWorksPage } from './layout';

export function sendConsentPage(
  res: Response,
  input: { requestId: string; appName: string; userName: string; domainName: string; scopes: string[] },
): void {
  sendWorksPage(
    res,
    200,
    'アクセス権限の許可',
    html`<section class="card">
<h1>${input.appName}がアクセス権限を求めています</h1>
<p>${input.userName}(${input.domainName})として、次の権限を${input.appName}に許可しますか?</p>
${scopeList(input.scopes)}
<form method="post" action="/oauth2/v2.0/authorize">
<input type="hidden" name="request" value="${input.requestId}">
<button type="submit" name="decision" value="allow" class="primary">許可する</button>
<button type="submit" name="decision" value="deny">キャンセル</button>
</form>
</section>`,
  );
}

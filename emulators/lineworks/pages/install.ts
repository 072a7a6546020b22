// The app-add screens: the app's terms with checkboxes that must all be ticked, then the choice
// of the members who may use the app (すべてのメンバー or selected members) and [保存].

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import type { RegisteredApp, Tenant } from '../state';
import { scopeList, sendWorksPage } from './layout';

export const TERMS_REQUIRED_MESSAGE = 'すべてのチェックボックスにチェックを入れてください。チェックを入れないとアプリを追加できません。';
export const MEMBERS_REQUIRED_MESSAGE = '利用するメンバーを1人以上選択してください。';

export const TERMS = [
  { value: 'terms', label: (app: string) => `${app}の利用規約に同意します` },
  { value: 'privacy', label: (app: string) => `${app}のプライバシーポリシーに同意します` },
  { value: 'permissions', label: (app: string) => `${app}に下記のアクセス権限を付与することに同意します` },
] as const;

export function sendTermsPage(res: Response, input: { app: RegisteredApp; wizardId: string; checked: string[]; error?: string }): void {
  const action = `/admin/apps/${encodeURIComponent(input.app.clientId)}/install`;
  sendWorksPage(
    res,
    input.error === undefined ? 200 : 400,
    `${input.app.name}を追加`,
    html`<section class="card">
<h1>${input.app.name}を追加</h1>
${input.error === undefined ? null : html`<p class="error" role="alert">${input.error}</p>`}
<p>利用規約を確認し、すべての項目に同意してください。</p>
<form method="post" action="${action}">
<input type="hidden" name="wizard" value="${input.wizardId}">
<input type="hidden" name="step" value="terms">
${TERMS.map(
  (term) => html`<label><input type="checkbox" name="agree" value="${term.value}"${input.checked.includes(term.value) ? html` checked` : null}> ${term.label(input.app.name)}</label>`,
)}
${scopeList(input.app.scopes)}
<button type="submit" class="primary">次へ</button>
</form>
</section>`,
  );
}

export function sendMembersPage(res: Response, input: { app: RegisteredApp; tenant: Tenant; wizardId: string; error?: string }): void {
  const action = `/admin/apps/${encodeURIComponent(input.app.clientId)}/install`;
  sendWorksPage(
    res,
    input.error === undefined ? 200 : 400,
    'アプリを利用するメンバー',
    html`<section class="card">
<h1>アプリを利用するメンバー</h1>
${input.error === undefined ? null : html`<p class="error" role="alert">${input.error}</p>`}
<form method="post" action="${action}">
<input type="hidden" name="wizard" value="${input.wizardId}">
<input type="hidden" name="step" value="members">
<label><input type="radio" name="scope" value="all" checked> すべてのメンバー</label>
<label><input type="radio" name="scope" value="selected"> 特定のメンバー</label>
<ul class="plain">
${[...input.tenant.users.values()].map(
  (user) => html`<li><label><input type="checkbox" name="member" value="${user.userId}"> ${user.name ?? user.userId} <span class="muted">${user.email ?? ''}</span></label></li>`,
)}
</ul>
<button type="submit" class="primary">保存</button>
</form>
</section>`,
  );
}

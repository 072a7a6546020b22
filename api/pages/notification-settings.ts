// freee アカウント管理 → [事業所管理] → [通知設定] tab, as renkei serves it for the signed-in freee
// user: the business's LINE WORKS links (「LINE WORKS連携先の事業所」), [アカウントを連携する] for
// admins, and the reports of links revoked when an admin removed the app.
import { html } from './html';
import { layout } from './layout';

export interface SettingsView {
  companyName: string;
  displayName: string;
  isAdmin: boolean;
  mobile: boolean;
  csrf: string;
  tenants: Array<{ worksTenantId: string; status: string; linkedAt?: Date; reauthCsrf: string }>;
  reports: Array<{ worksTenantId: string; revoked: number; alreadyGone: number; failed: number; finishedAt: Date }>;
}

const STATUS: Record<string, string> = { active: '連携中', suspended: '停止中（LINE WORKSの再認証が必要です）' };
const jst = (d: Date): string => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function notificationSettingsPage(v: SettingsView): string {
  return layout(
    '通知設定',
    html`<p class="muted">freeeアカウント管理 › 事業所管理 › 通知設定</p>
<h1>通知設定</h1>
<p class="muted">${v.companyName}（${v.displayName}）</p>
<section class="card" data-section="lineworks">
<h2 style="font-size:1.05rem;margin:0 0 .5rem">LINE WORKS連携</h2>
${v.tenants.length
  ? html`<p>LINE WORKS連携先の事業所</p><table><tbody>${v.tenants.map(
      (t) => html`<tr data-tenant="${t.worksTenantId}" data-status="${t.status}"><td>${v.companyName}</td><td>LINE WORKS ${t.worksTenantId}</td><td>${STATUS[t.status] ?? t.status}</td></tr>`,
    )}</tbody></table>
${v.tenants
  .filter((t) => t.status === 'suspended' && v.isAdmin)
  .map(
    (t) => html`<p class="ng">LINE WORKS ${t.worksTenantId} の認証が無効になったため、通知の配信を保留しています。保留中の通知は再認証後に配信されます。</p>
<form method="post" action="/lineworks/admin/add"><input type="hidden" name="domain_id" value="${t.worksTenantId}"><input type="hidden" name="csrf" value="${t.reauthCsrf}"><button class="btn primary" type="submit" data-reauth="${t.worksTenantId}">再認証する</button></form>`,
  )}`
  : html`<p class="muted" data-no-tenants>LINE WORKSと連携していません。</p>`}
${v.isAdmin && !v.mobile
  ? html`<form method="post" action="/lineworks/admin/connect"><input type="hidden" name="csrf" value="${v.csrf}"><button class="btn primary" type="submit">アカウントを連携する</button></form>`
  : ''}
${v.isAdmin && v.mobile ? html`<p class="ng" data-mobile-note>管理者が行う連携設定は、モバイルには対応していません。PCから操作してください。</p>` : ''}
${!v.isAdmin ? html`<p class="muted">LINE WORKS連携の設定は、事業所の管理者のみが行えます。</p>` : ''}
<p class="muted">管理者の連携設定だけではLINE WORKSで通知を受け取ることはできません。通知を受け取る従業員は、LINE WORKSのトーク画面からID連携を行ってください。</p>
</section>
${v.reports.length
  ? html`<section class="card" data-section="reports"><h2 style="font-size:1.05rem;margin:0 0 .5rem">連携解除の履歴</h2><ul>${v.reports.map(
      (r) =>
        html`<li data-report="${r.worksTenantId}">${jst(r.finishedAt)} LINE WORKS ${r.worksTenantId} の連携解除に伴い、従業員のID連携を解除しました（解除 ${r.revoked} 件・解除済み ${r.alreadyGone} 件・失敗 ${r.failed} 件）</li>`,
    )}</ul><p class="muted">管理者が再度連携を行った場合は、従業員側でも再度ID連携が必要です。</p></section>`
  : ''}`,
  );
}

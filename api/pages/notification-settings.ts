// freee アカウント管理 → [事業所管理] → [通知設定] tab, as renkei serves it for the signed-in freee
// user: the business's LINE WORKS links (「LINE WORKS連携先の事業所」), [アカウントを連携する] for
// admins, and the reports of links revoked when an admin removed the app — in the person's language.
import { html } from './html';
import { layout } from './layout';
import type { PageContext } from './locale';
import { SETTINGS_TEXT } from './notification-settings-catalogue';

export interface SettingsView {
  companyName: string;
  displayName: string;
  isAdmin: boolean;
  mobile: boolean;
  csrf: string;
  /** `name`: the domain name LINE WORKS gave (the ID when renkei has not learnt it). */
  tenants: Array<{ worksTenantId: string; name: string; status: string; linkedAt?: Date; reauthCsrf: string }>;
  /** LINE WORKS linked to another business of the person: this business cannot link them. */
  takenElsewhere: Array<{ worksTenantId: string; name: string }>;
  reports: Array<{ worksTenantId: string; name: string; revoked: number; alreadyGone: number; failed: number; finishedAt: Date }>;
}

const jst = (d: Date): string => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function notificationSettingsPage(ctx: PageContext, v: SettingsView): string {
  const t = SETTINGS_TEXT[ctx.locale];
  const status = (s: string): string => (s === 'active' ? t.statusActive : s === 'suspended' ? t.statusSuspended : s);
  return layout(
    t.title,
    html`<p class="muted">${t.breadcrumb}</p>
<h1>${t.title}</h1>
<p class="muted">${t.signedInAs(v.companyName, v.displayName)}</p>
<section class="card" data-section="lineworks">
<h2 class="card-heading">${t.lineWorksLink}</h2>
${v.tenants.length
  ? html`<p>${t.linkedBusinesses}</p><table><tbody>${v.tenants.map(
      (x) => html`<tr data-tenant="${x.worksTenantId}" data-status="${x.status}"><td>${v.companyName}</td><td data-tenant-name>${t.tenant(x.name)}</td><td>${status(x.status)}</td></tr>`,
    )}</tbody></table>
${v.tenants
  .filter((x) => x.status === 'suspended' && v.isAdmin)
  .map(
    (x) => html`<p class="ng">${t.suspendedNotice(x.name)}</p>
<form method="post" action="/lineworks/admin/add"><input type="hidden" name="domain_id" value="${x.worksTenantId}"><input type="hidden" name="csrf" value="${x.reauthCsrf}"><button class="btn primary" type="submit" data-reauth="${x.worksTenantId}">${t.reauthenticate}</button></form>`,
  )}`
  : html`<p class="muted" data-no-tenants>${t.noTenants}</p>`}
${v.isAdmin ? v.takenElsewhere.map((x) => html`<p class="muted" data-taken-tenant="${x.worksTenantId}">${t.takenByOtherBusiness(x.name)}</p>`) : ''}
${v.isAdmin && !v.mobile
  ? html`<form method="post" action="/lineworks/admin/connect"><input type="hidden" name="csrf" value="${v.csrf}"><button class="btn primary" type="submit" data-connect>${t.connect}</button></form>`
  : ''}
${v.isAdmin && v.mobile ? html`<p class="ng" data-mobile-note>${t.mobileAdminNote}</p>` : ''}
${!v.isAdmin ? html`<p class="muted">${t.adminOnly}</p>` : ''}
<p class="muted">${t.employeesNote}</p>
</section>
${v.reports.length
  ? html`<section class="card" data-section="reports"><h2 class="card-heading">${t.reportsTitle}</h2><ul>${v.reports.map(
      (r) =>
        html`<li data-report="${r.worksTenantId}">${t.report({ at: jst(r.finishedAt), tenant: r.name, revoked: r.revoked, alreadyGone: r.alreadyGone, failed: r.failed })}</li>`,
    )}</ul><p class="muted">${t.relinkNote}</p></section>`
  : ''}`,
    ctx,
  );
}

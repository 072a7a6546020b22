// The operator view as one HTML page (English, for operators): the findings first, then the
// workflows with their Web UI links, the recipients, the deliveries with every attempt, the skipped
// channels and what is still pending; or the list of upcoming reminders.
import { html, type SafeHtml } from '../pages/html';
import type { Explanation } from './explanation';
import type { UpcomingReminder } from './upcoming-reminders';

const page = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — renkei operators</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`.toString();

export function explanationPage(title: string, e: Explanation): string {
  return page(
    title,
    html`<h2>Findings</h2>
<ul class="findings">${e.findings.map((f) => html`<li>${f}</li>`)}</ul>
<h2>Workflows</h2>
<table><thead><tr><th>workflow</th><th>type</th><th>status</th><th>summary</th><th>search attributes</th><th>pending activities</th></tr></thead><tbody>
${e.workflows.map(
  (w) => html`<tr><td><a href="${w.url}">${w.workflowId}</a></td><td>${w.type}</td><td>${w.status}</td><td>${w.summary ?? ''}</td><td>${Object.entries(w.searchAttributes)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}</td><td>${w.pendingActivities.map((a) => html`${a.activity} attempt ${a.attempt}${a.nextAttemptAt ? ` next ${a.nextAttemptAt.jst} (${a.nextAttemptAt.utc})` : ''}<br>`)}</td></tr>`,
)}
</tbody></table>
<h2>Recipients</h2>
<table><thead><tr><th>who</th><th>linked</th><th>tenant / LINE</th><th>refusal</th></tr></thead><tbody>
${e.recipients.map(
  (r) => html`<tr><td>${r.kind} ${r.id}${r.companyId ? ` (company ${r.companyId})` : ''}</td><td>${r.linked ? 'yes' : 'no'}</td><td>${r.tenant ? `tenant ${r.tenant.worksTenantId}: ${r.tenant.status}` : ''}${r.line ? `LINE ${r.line.status}, friend ${r.line.friend ? 'yes' : 'no'}, blocking ${r.line.blocked ? 'yes' : 'no'}` : ''}</td><td>${r.linkRefusal ?? ''}</td></tr>`,
)}
</tbody></table>
<h2>Deliveries</h2>
<table><thead><tr><th>delivery</th><th>channel</th><th>status</th><th>attempts (provider’s answer)</th></tr></thead><tbody>
${e.deliveries.map(
  (d) => html`<tr><td>${d.key}</td><td>${d.channel}</td><td>${d.status}${d.reason ? ` (${d.reason})` : ''}</td><td>${d.attemptLog.map((a) => html`#${a.attempt} ${a.at.jst}: ${a.answer}<br>`)}</td></tr>`,
)}
</tbody></table>
<h2>Skipped</h2>
<ul>${e.skipped.map((s) => html`<li>${s.channel} to ${s.recipient}: ${s.reason}</li>`)}</ul>
<h2>Pending</h2>
<ul>${e.pending.map((p) => html`<li>${p.what}: ${p.detail}</li>`)}</ul>`,
  );
}

export function remindersPage(reminders: UpcomingReminder[]): string {
  return page(
    'Upcoming reminders',
    html`<table><thead><tr><th>due (JST)</th><th>due (UTC)</th><th>order</th><th>company</th><th>partner</th><th>status</th></tr></thead><tbody>
${reminders.map((r) => html`<tr><td>${r.dueAt.jst}</td><td>${r.dueAt.utc}</td><td><a href="${r.url}">${r.orderId}</a> (${r.orderNumber}, ${r.key})</td><td>${r.companyId}</td><td>${r.partnerId}</td><td>${r.status}</td></tr>`)}
</tbody></table>`,
  );
}

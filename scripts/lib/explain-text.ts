// The operator view as plain text for `npm run explain`: findings first, then workflows with
// their Web UI links, recipients, deliveries with every attempt, skipped channels and what is
// still pending; or the upcoming reminders.
import type { Explanation } from '../../api/operators/explanation';
import type { UpcomingReminder } from '../../api/operators/upcoming-reminders';

export function explanationText(e: Explanation): string {
  const lines: string[] = [];
  lines.push(`== ${Object.entries(e.subject).map(([k, v]) => `${k} ${v}`).join(', ')}`, '', 'Findings:');
  for (const f of e.findings) lines.push(`  - ${f}`);
  lines.push('', 'Workflows:');
  for (const w of e.workflows) {
    lines.push(`  ${w.workflowId}  ${w.type}  ${w.status}${w.summary ? `  “${w.summary}”` : ''}`, `    ${w.url}`);
    const attrs = Object.entries(w.searchAttributes).map(([k, v]) => `${k}=${v}`).join(' ');
    if (attrs) lines.push(`    ${attrs}`);
    for (const a of w.pendingActivities) lines.push(`    pending ${a.activity} (${a.state}) attempt ${a.attempt}${a.nextAttemptAt ? `, next ${a.nextAttemptAt.jst} / ${a.nextAttemptAt.utc}` : ''}`);
  }
  lines.push('', 'Recipients:');
  for (const r of e.recipients) {
    const where = r.tenant ? `tenant ${r.tenant.worksTenantId} ${r.tenant.status}` : r.line ? `LINE ${r.line.status}, friend ${String(r.line.friend)}, blocking ${String(r.line.blocked)}` : 'no tenant / LINE record';
    lines.push(`  ${r.kind} ${r.id}${r.companyId ? ` (company ${r.companyId})` : ''}: ${r.linked ? 'linked' : 'not linked'}; ${where}${r.linkRefusal ? `; last link attempt refused: ${r.linkRefusal}` : ''}`);
  }
  lines.push('', 'Deliveries:');
  for (const d of e.deliveries) {
    lines.push(`  ${d.key}  ${d.channel}  ${d.status}${d.reason ? ` (${d.reason})` : ''}`);
    for (const a of d.attemptLog) lines.push(`    #${a.attempt} ${a.at.jst} ${a.ok ? 'ok' : 'refused/failed'}: ${a.answer}`);
  }
  lines.push('', 'Pending:');
  for (const p of e.pending) lines.push(`  ${p.what}: ${p.detail}`);
  if (e.pending.length === 0) lines.push('  nothing');
  return `${lines.join('\n')}\n`;
}

export function remindersText(reminders: UpcomingReminder[]): string {
  if (reminders.length === 0) return 'No reminder to come.\n';
  return `${reminders.map((r) => `${r.dueAt.jst}  ${r.dueAt.utc}  order ${r.orderId} (${r.orderNumber}, ${r.key})  company ${r.companyId}  partner ${r.partnerId}  ${r.status}\n    ${r.url}`).join('\n')}\n`;
}

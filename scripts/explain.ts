// `npm run explain -- --event ID | --company C --user U | --partner P | --order O | --reminders
// [--company C] [--day YYYY-MM-DD]` [--json] [--api URL]: asks the running API's operator view why
// someone did (not) get a notification, or which reminders are to come, and prints the answer.
// The API is RENKEI_API_URL (default: the embedded stack's), its token OPERATOR_API_TOKEN
// (default: the embedded stack's, from its secrets file).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Explanation } from '../api/operators/explanation';
import type { UpcomingReminder } from '../api/operators/upcoming-reminders';
import { explainPageQuery, problemsOf } from '../api/operators/explain-inputs';
import { devSettings } from './lib/dev-settings';
import { readDevSecrets } from './lib/dev-secrets';
import { explanationText, remindersText } from './lib/explain-text';

const USAGE = 'usage: npm run explain -- --event ID | --company C --user U | --partner P | --order O | --reminders [--company C] [--day YYYY-MM-DD]  [--json] [--api URL]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      event: { type: 'string' },
      company: { type: 'string' },
      user: { type: 'string' },
      partner: { type: 'string' },
      order: { type: 'string' },
      reminders: { type: 'boolean' },
      day: { type: 'string' },
      json: { type: 'boolean' },
      api: { type: 'string' },
    },
  });
  const { json, api, reminders, ...subject } = values;
  const asked = explainPageQuery.safeParse({ ...Object.fromEntries(Object.entries(subject).filter(([, v]) => v !== undefined)), ...(reminders ? { reminders: '1' } : {}) });
  if (!asked.success) {
    process.stderr.write(`${USAGE}\n${problemsOf(asked.error).join('\n')}\n`);
    return 2;
  }
  const s = devSettings();
  const base = z.url().parse(api ?? process.env.RENKEI_API_URL ?? `http://127.0.0.1:${s.API_PORT}`).replace(/\/+$/, '');
  const token = process.env.OPERATOR_API_TOKEN ?? readDevSecrets(s.dataDir).operatorApiToken;
  const q = asked.data;
  const path =
    'reminders' in q
      ? `/api/operator/reminders?${new URLSearchParams({ ...(q.company ? { companyId: q.company } : {}), ...(q.day ? { day: q.day } : {}) }).toString()}`
      : 'event' in q
        ? `/api/operator/events/freee/${q.event}`
        : 'user' in q
          ? `/api/operator/employees/${q.company}/${q.user}`
          : 'partner' in q
            ? `/api/operator/partners/${q.partner}`
            : `/api/operator/orders/${q.order}`;
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json());
  if (!res.ok || json) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return res.ok ? 0 : 1;
  }
  process.stdout.write('reminders' in q ? remindersText((body as { reminders: UpcomingReminder[] }).reminders) : explanationText(body as Explanation));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

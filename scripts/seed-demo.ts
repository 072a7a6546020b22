// `npm run seed:demo`: with `npm run dev` running, links the demo business (freee 事業所 1009) to a
// LINE WORKS tenant with one ID-linked employee, in Mongo and in the LINE WORKS emulator — the
// state the linking flows leave behind — and makes the employee known to the freee emulator (to
// sign in to the status page of their notifications). It also seeds (again) an account for each
// refusal page of LINE login (README, partner walk-through).
// Idempotent.
import mongoose from 'mongoose';
import { EmulatorControl } from '../emulators/control-client';
import { LansmartControl } from '../emulators/lansmart/control-client';
import { LineControl } from '../emulators/line/control-client';
import { connectMongo, ensureIndexes } from '../models';
import { devSettings } from './lib/dev-settings';
import { readDevSecrets } from './lib/dev-secrets';
import { DEMO_PARTNERS, seedRefusalAccounts } from './lib/demo-partners';
import { DEMO_BUSINESS, DEMO_BUSINESS_FREEE, seedLinkedBusiness } from './lib/seed-link';

async function main(): Promise<void> {
  const s = devSettings();
  const secrets = readDevSecrets(s.dataDir);
  await connectMongo(process.env.MONGODB_URI ?? `mongodb://127.0.0.1:${s.MONGO_PORT}/renkei`);
  await ensureIndexes();
  await seedLinkedBusiness(DEMO_BUSINESS, new EmulatorControl(`http://127.0.0.1:${s.EMULATOR_LINEWORKS_PORT}`), secrets);
  await mongoose.disconnect();
  const f = DEMO_BUSINESS_FREEE;
  await new EmulatorControl(`http://127.0.0.1:${s.EMULATOR_FREEE_PORT}`).seedFreee({
    companies: [f.company],
    users: [{ ...f.employee, companies: [{ id: f.company.id, role: 'self_only' }] }],
    apps: [],
  });
  await seedRefusalAccounts(new LineControl(`http://127.0.0.1:${s.EMULATOR_LINE_PORT}`), new LansmartControl(`http://127.0.0.1:${s.EMULATOR_LANSMART_PORT}`));
  const r = DEMO_PARTNERS.refusals;
  const [employee] = DEMO_BUSINESS.employees;
  process.stdout.write(
    `linked: freee 事業所 ${DEMO_BUSINESS.companyId} ↔ LINE WORKS tenant ${DEMO_BUSINESS.worksTenantId} (bot ${DEMO_BUSINESS.botId})\n` +
      `ID-linked employee: freee user ${employee?.freeeUserId} (${f.employee.email}, password \`password\`) ↔ ${employee?.worksUserId}\n` +
      `LINE refusal pages (password \`password\`): e-mail mismatch /partner/register?invitation=${r.mismatch.invitationToken} as ${r.mismatch.lineEmail}; ` +
      `company user /partner/login as ${DEMO_PARTNERS.companyUser.email}; no LINE option /partner/register?invitation=${r.noLineOption.invitationToken}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`seed:demo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

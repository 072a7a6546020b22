// `npm run dev`: the whole embedded stack in one command — Temporal dev server (SQLite file, Web
// UI that decodes payloads through the codec endpoint), the Mongo-wire server, the provider
// emulators, the worker, the API and the codec endpoint — with every URL printed. Ctrl-C stops
// everything and frees every port; data stays in the data directory.
import path from 'node:path';
import { ConfigError } from '../config';
import { temporalDataConverterFromEnv } from '../config/temporal-data-converter';
import { LansmartControl, LineControl, startEmulators } from '../emulators';
import { EmulatorControl } from '../emulators/control-client';
import { connectMongo } from '../models';
import { ensureAll, isBinaryProblem } from './binaries';
import { devSettings } from './lib/dev-settings';
import { devSecretsFile, loadOrCreateDevSecrets } from './lib/dev-secrets';
import { embeddedEnv } from './lib/embedded-env';
import { preparePrivateDataDir } from './lib/private-data-dir';
import { mirrorLinksToLineWorks } from './lib/mirror-links';
import { DEMO_PEOPLE, seedDemoPeople } from './lib/demo-people';
import { demoRegistrationPath, seedDemoPartners } from './lib/demo-partners';
import { seedEmulatorApps } from './lib/seed-emulator-apps';
import { seedPartnerEmulators } from './lib/seed-partner-emulators';
import { reprovisionRichMenus } from './lib/reprovision-richmenus';
import { SEARCH_ATTRIBUTE_NAMES } from '../common/search-attributes';
import { startServerProcess, type ServerProcess } from './services/child-process';
import { startMongoWire } from './services/mongo-wire';
import { assertPortFree, PortInUseError } from './services/ports';
import { startTemporalDevServer } from './services/temporal-dev-server';
import { waitUntil } from './services/wait';
import mongoose from 'mongoose';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

type Stop = () => Promise<void>;

async function main(): Promise<void> {
  const s = devSettings();
  const stops: Array<{ name: string; stop: Stop }> = [];
  let stopping = false;
  const stopAll = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    for (const { name, stop } of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        say(`  could not stop ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  const onSignal = (): void => {
    if (stopping) return;
    say('\nstopping renkei …');
    stopAll().then(
      () => {
        say('stopped; data kept in ' + s.dataDir);
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    for (const [port, what, envVar] of [
      [s.TEMPORAL_PORT, 'Temporal gRPC', 'TEMPORAL_PORT'],
      [s.TEMPORAL_UI_PORT, 'Temporal Web UI', 'TEMPORAL_UI_PORT'],
      [s.MONGO_PORT, 'MongoDB', 'MONGO_PORT'],
      [s.API_PORT, 'renkei API', 'API_PORT'],
      [s.WORKER_METRICS_PORT, 'worker metrics', 'WORKER_METRICS_PORT'],
      [s.CODEC_SERVER_PORT, 'codec endpoint', 'CODEC_SERVER_PORT'],
      [s.EMULATOR_LINEWORKS_PORT, 'LINE WORKS emulator', 'EMULATOR_LINEWORKS_PORT'],
      [s.EMULATOR_FREEE_PORT, 'freee emulator', 'EMULATOR_FREEE_PORT'],
    ] as const) {
      await assertPortFree(port, what, envVar);
    }
    // Credentials, logs and databases: readable by this user only, and so is what the children write.
    preparePrivateDataDir(s.dataDir);
    say('renkei: checking binaries …');
    await ensureAll({ build: true, log: (l) => say(`  ${l}`) });
    const secrets = loadOrCreateDevSecrets(s.dataDir);
    const codecUrl = `http://127.0.0.1:${s.CODEC_SERVER_PORT}`;

    say('starting Temporal dev server …');
    const temporal = await startTemporalDevServer({
      dbFile: path.join(s.dataDir, 'temporal', 'temporal.db'),
      port: s.TEMPORAL_PORT,
      uiPort: s.TEMPORAL_UI_PORT,
      searchAttributes: SEARCH_ATTRIBUTE_NAMES,
      sqliteFast: s.TEMPORAL_SQLITE_MODE === 'fast',
      uiCodecEndpoint: codecUrl,
      log: (l) => say(`  ${l}`),
    });
    stops.push({ name: 'Temporal', stop: () => temporal.stop() });

    say('starting MongoDB-wire server …');
    const mongo = await startMongoWire({ dataDir: path.join(s.dataDir, 'mongo'), port: s.MONGO_PORT, log: (l) => say(`  ${l}`) });
    stops.push({ name: 'MongoDB', stop: () => mongo.stop() });
    const mongoUri = `${mongo.uri.replace(/\/$/, '')}/renkei`;

    say('starting emulators …');
    const emulators = await startEmulators({
      ports: {
        lineworks: s.EMULATOR_LINEWORKS_PORT,
        freee: s.EMULATOR_FREEE_PORT,
        line: s.EMULATOR_LINE_PORT,
        lansmart: s.EMULATOR_LANSMART_PORT,
        mail: s.MAIL_INBOX_PORT,
        smtp: s.SMTP_PORT,
      },
    });
    stops.push({ name: 'emulators', stop: () => emulators.stop() });

    const env = {
      ...process.env,
      ...embeddedEnv({
        temporalAddress: temporal.address,
        mongoUri,
        emulators: emulators.urls,
        secrets,
        apiPublicUrl: `http://127.0.0.1:${s.API_PORT}`,
        apiPort: s.API_PORT,
        workerMetricsPort: s.WORKER_METRICS_PORT,
        logLevel: s.LOG_LEVEL,
      }),
      CODEC_SERVER_PORT: String(s.CODEC_SERVER_PORT),
      TEMPORAL_UI_BASE_URL: `http://127.0.0.1:${s.TEMPORAL_UI_PORT}`,
      CODEC_SERVER_CORS_ORIGINS: `http://127.0.0.1:${s.TEMPORAL_UI_PORT},http://localhost:${s.TEMPORAL_UI_PORT}`,
    };
    const apiUrl = `http://127.0.0.1:${s.API_PORT}`;

    // renkei is registered as the app in the emulators, and they mirror renkei's link records.
    const lineWorks = new EmulatorControl(emulators.urls.lineworks);
    const freee = new EmulatorControl(emulators.urls.freee);
    await seedEmulatorApps(lineWorks, freee, secrets, apiUrl);
    await seedDemoPeople(lineWorks, freee);
    const lineControl = new LineControl(emulators.urls.line);
    const lansmartControl = new LansmartControl(emulators.urls.lansmart);
    await seedPartnerEmulators(lineControl, lansmartControl, secrets, apiUrl);
    await seedDemoPartners(lineControl, lansmartControl);
    await connectMongo(mongoUri);
    const tenants = await mirrorLinksToLineWorks(lineWorks, secrets);
    await mongoose.disconnect();

    const tsx = require.resolve('tsx/cli');
    const child = async (name: string, entry: string): Promise<ServerProcess> => {
      const p = await startServerProcess(process.execPath, [tsx, entry], path.join(s.dataDir, 'logs', `${name}.log`), env);
      stops.push({ name, stop: p.stop });
      return p;
    };
    say('starting worker, API and codec endpoint …');
    const worker = await child('worker', 'worker/main.ts');
    const api = await child('api', 'api/main.ts');
    const codec = await child('codec', 'api/codec/main.ts');
    const ready = await waitUntil(
      async () => {
        if (worker.exitReason() || api.exitReason() || codec.exitReason()) return true;
        try {
          return (await fetch(`${apiUrl}/readyz`)).ok;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000, intervalMs: 300 },
    );
    const died = worker.exitReason()
      ? `worker ${worker.exitReason()}`
      : api.exitReason()
        ? `API ${api.exitReason()}`
        : codec.exitReason()
          ? `codec endpoint ${codec.exitReason()}`
          : undefined;
    if (died || !ready.ok) {
      throw new Error(`${died ?? 'the API did not become ready'}; see ${path.join(s.dataDir, 'logs')}`);
    }

    // The emulator forgot the bots' rich menus: create them again for every linked tenant.
    await reprovisionRichMenus(temporal.address, mongoUri, temporalDataConverterFromEnv(env));

    say(`
renkei is running (Ctrl-C stops everything; data in ${s.dataDir})

  Temporal Web UI      ${temporal.uiUrl}   (payloads decoded by ${codecUrl})
  Temporal gRPC        ${temporal.address}
  renkei API           ${apiUrl}   (/healthz /readyz /metrics)
  API metrics          curl -H "Authorization: Bearer $(node -p "require('${devSecretsFile(s.dataDir)}').metricsToken")" ${apiUrl}/metrics
  freee webhook        ${apiUrl}/webhooks/freee
  worker metrics       http://127.0.0.1:${s.WORKER_METRICS_PORT}/metrics   (loopback only)
  MongoDB              ${mongoUri}   (${mongo.kind})
  LINE WORKS emulator  ${emulators.urls.lineworks}   (/_emulator/messages)
  freee emulator       ${emulators.urls.freee}
  LINE emulator        ${emulators.urls.line}   (/chat, /login)
  Lansmart platform    ${emulators.urls.lansmart}/company/orders
  partner registration ${apiUrl}${demoRegistrationPath()}   (LINE: hanako@partner.example / password)
  partner home         ${apiUrl}/partner
  mail inbox           ${emulators.urls.mail}/inbox   (SMTP ${emulators.urls.smtp.host}:${emulators.urls.smtp.port})
  logs                 ${path.join(s.dataDir, 'logs')}
  linked tenants       ${tenants}

Walk the help page (README "Walk the help page's flows"; every password is "password"):
  通知設定 (admin)      ${apiUrl}/settings/notifications   freee ${DEMO_PEOPLE.freeeAdmin.email}, LINE WORKS ${DEMO_PEOPLE.worksAdmin.userId}
  talk room (employee) ${emulators.urls.lineworks}/talk/new   LINE WORKS ${DEMO_PEOPLE.worksEmployee.userId}, freee ${DEMO_PEOPLE.freeeEmployee.email}

Try it:  once both have linked,
  npm run event:freee -- --company ${DEMO_PEOPLE.companyId} --user ${DEMO_PEOPLE.freeeEmployee.id} --works-user ${DEMO_PEOPLE.worksEmployee.userId}
  (or, without the browser: npm run seed:demo && npm run event:freee)
`);
  } catch (err) {
    await stopAll();
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof PortInUseError || err instanceof ConfigError || isBinaryProblem(err)) {
    process.stderr.write(`renkei dev: ${err.message}\n`);
  } else {
    process.stderr.write(`renkei dev: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});

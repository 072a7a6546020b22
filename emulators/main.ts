// Standalone entry (`npm run emulators`): starts every provider emulator on the ports from the
// environment, prints their URLs, and stops cleanly on SIGINT / SIGTERM.

import { createEmulatorLogger } from './harness/logger';
import { startEmulators } from './index';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const log = createEmulatorLogger();
  const running = await startEmulators({
    host: process.env.EMULATOR_HOST ?? '127.0.0.1',
    ports: {
      lineworks: portFromEnv('EMULATOR_LINEWORKS_PORT', 4011),
      freee: portFromEnv('EMULATOR_FREEE_PORT', 4012),
      line: portFromEnv('EMULATOR_LINE_PORT', 4013),
      lansmart: portFromEnv('EMULATOR_LANSMART_PORT', 4014),
      mail: portFromEnv('MAIL_INBOX_PORT', 4015),
      smtp: portFromEnv('SMTP_PORT', 2525),
    },
    log,
  });
  process.stdout.write(
    [
      `LINE WORKS emulator: ${running.urls.lineworks}`,
      `  LINEWORKS_AUTH_BASE_URL=${running.urls.lineworks}/oauth2/v2.0`,
      `  LINEWORKS_API_BASE_URL=${running.urls.lineworks}/v1.0`,
      `  pages: ${running.urls.lineworks}/login  ${running.urls.lineworks}/admin/apps  ${running.urls.lineworks}/talk/new`,
      `freee emulator:      ${running.urls.freee}`,
      `  pages: ${running.urls.freee}/login  ${running.urls.freee}/companies/switch`,
      `LINE emulator:       ${running.urls.line}`,
      `  LINE_AUTH_BASE_URL=${running.urls.line}  LINE_API_BASE_URL=${running.urls.line}`,
      `  pages: ${running.urls.line}/login  ${running.urls.line}/chat`,
      `Lansmart platform:   ${running.urls.lansmart}`,
      `  LANSMART_API_BASE_URL=${running.urls.lansmart}  console: ${running.urls.lansmart}/company/orders`,
      `mail sink:           ${running.urls.mail}/inbox`,
      `  SMTP_URL=smtp://${running.urls.smtp.host}:${running.urls.smtp.port}`,
      `  see emulators/README.md for every route and the emulator-specific contracts`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping emulators');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'emulators did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulators failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

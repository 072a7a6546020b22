// `npm run stack:prod`: the production-shaped stack without Docker (scripts/lib/prod-stack.ts),
// compiled renkei as two workers and two APIs on the Temporal server and FerretDB on PostgreSQL,
// every URL printed. Ctrl-C stops everything; a second start reuses the binaries and the data.
import { buildRenkei, prodSettings, startProdStack, type ProdStack } from './lib/prod-stack';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const started = Date.now();
  const s = prodSettings();
  const running: { stack?: ProdStack } = {};
  let stopping = false;
  const onSignal = (): void => {
    if (stopping) return;
    stopping = true;
    say('\nstopping the production-shaped stack …');
    (running.stack?.stop() ?? Promise.resolve()).then(
      () => {
        say(`stopped; data kept in ${s.dataDir}`);
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  await buildRenkei(say);
  const stack = await startProdStack(s, say);
  running.stack = stack;
  if (stopping) return;
  say(`
renkei (production-shaped) is running in ${Math.round((Date.now() - started) / 1000)} s (Ctrl-C stops everything; data in ${s.dataDir})

  Temporal server      ${stack.temporalAddress}   (PostgreSQL 15, SQL visibility; temporal --address ${stack.temporalAddress})
  MongoDB wire         ${stack.mongoUri}   (FerretDB, PostgreSQL handler)
${stack.apiUrls.map((u, i) => `  renkei API ${i + 1}         ${u}   (/healthz /readyz)`).join('\n')}
${s.PROD_WORKER_METRICS_PORTS.map((p, i) => `  worker ${i + 1} metrics     http://127.0.0.1:${p}/metrics`).join('\n')}
  LINE WORKS emulator  ${stack.emulatorUrls.lineworks}   (/_emulator/messages)
  freee emulator       ${stack.emulatorUrls.freee}
  LINE emulator        ${stack.emulatorUrls.line}
  Lansmart platform    ${stack.emulatorUrls.lansmart}
  mail inbox           ${stack.emulatorUrls.mail}/inbox
  logs                 ${s.dataDir}/logs
`);
}

main().catch((err: unknown) => {
  process.stderr.write(`\nrenkei stack:prod could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

// `npm run setup`: finds or builds every binary the local stack and the tests need, then prints
// where each one came from. Exits 1 with one paragraph per missing binary saying what to install or set.
import fs from 'node:fs';
import {
  ensureFerretDb,
  ensureTemporalCli,
  ensureTemporalTestServer,
  isBinaryProblem,
  type Resolved,
  type ResolvedMongo,
} from './binaries';
import { CHROMIUM_PATH } from './binaries/chromium';

type Row = [what: string, where: string];

function describe(resolved: Resolved | ResolvedMongo): string {
  switch (resolved.kind) {
    case 'path':
      return `${resolved.path} (${resolved.source})`;
    case 'sdk-download':
      return 'downloaded by the Temporal SDK on first use';
    case 'memory-server':
      return 'mongod downloaded by mongodb-memory-server on first use';
    case 'uri':
      return `MONGODB_URI (${redact(resolved.uri)})`;
  }
}

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

function chromium(): string {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return CHROMIUM_PATH;
  } catch {
    return "missing: install Debian's chromium-headless-shell package (apt-get install -y chromium-headless-shell) for the browser tests, or set CHROMIUM_PATH";
  }
}

function printTable(rows: readonly Row[]): void {
  const width = Math.max(...rows.map(([what]) => what.length));
  for (const [what, where] of rows) console.log(`  ${what.padEnd(width)}  ${where}`);
}

/** Resolves one binary; a binary problem becomes a "missing" row plus its explanation. */
async function resolveRow(what: string, resolve: () => Promise<Resolved | ResolvedMongo>, problems: string[]): Promise<Row> {
  try {
    return [what, describe(await resolve())];
  } catch (err) {
    if (!isBinaryProblem(err)) throw err;
    problems.push(err.message);
    return [what, 'MISSING (see below)'];
  }
}

async function main(): Promise<void> {
  const build = !process.argv.includes('--no-build');
  const opts = { build, log: (line: string) => console.log(line) };
  const problems: string[] = [];
  // Sequential on purpose: each build uses every core.
  const rows: Row[] = [
    await resolveRow('Temporal CLI (dev server)', () => ensureTemporalCli(opts), problems),
    await resolveRow('Temporal time-skipping test server', () => ensureTemporalTestServer(opts), problems),
    await resolveRow('MongoDB-wire server', () => ensureFerretDb(opts), problems),
    ['Chromium (browser tests)', chromium()],
  ];
  console.log('\nrenkei binaries:');
  printTable(rows);
  for (const problem of problems) console.error(`\n${problem}`);
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

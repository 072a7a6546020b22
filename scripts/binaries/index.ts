// One import for the binaries renkei runs: find, download-by-SDK or build each of them.
import { ensureFerretDb, type ResolvedMongo } from './ferretdb';
import type { EnsureOptions, Resolved } from './resolved';
import { ensureTemporalCli } from './temporal-cli';
import { ensureTemporalTestServer } from './temporal-test-server';

export { cacheDir } from './cache-dir';
export { BinaryBuildError, InvalidBinaryPathError, isBinaryProblem, MissingBinaryError } from './errors';
export { ensureFerretDb, FERRETDB_VERSION, ferretDbCachePath, type ResolvedMongo } from './ferretdb';
export { internetReachable } from './internet';
export type { EnsureOptions, Resolved } from './resolved';
export { ensureTemporalCli, TEMPORAL_CLI_VERSION, temporalCliCachePath } from './temporal-cli';
export { ensureTemporalTestServer, TEMPORAL_TEST_SERVER_VERSION, temporalTestServerCachePath } from './temporal-test-server';

export interface AllBinaries {
  temporalCli: Resolved;
  temporalTestServer: Resolved;
  mongo: ResolvedMongo;
}

/** Resolves all three one after the other (builds are CPU-heavy; never run two at once). */
export async function ensureAll(opts: EnsureOptions): Promise<AllBinaries> {
  const temporalCli = await ensureTemporalCli(opts);
  const temporalTestServer = await ensureTemporalTestServer(opts);
  const mongo = await ensureFerretDb(opts);
  return { temporalCli, temporalTestServer, mongo };
}

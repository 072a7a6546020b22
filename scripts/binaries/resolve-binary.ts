// The order in which every binary is looked for, the same for each: the path its environment
// variable names; the cache; when the internet is reachable, whatever downloads its own (the
// Temporal SDK, mongodb-memory-server); offline, a build into the cache when the tools are there;
// else a MissingBinaryError that says what to install.
import { MissingBinaryError } from './errors';
import { executableFromEnv, isExecutableFile } from './executable';
import { internetReachable } from './internet';
import type { EnsureOptions } from './resolved';

export type LocalBinary = { kind: 'path'; path: string; source: 'env' | 'cache' | 'built' };

/** What the tools on this machine allow: a build into the cache, or only the message saying what is missing. */
export interface BuildTools {
  build?: (target: string, log: (line: string) => void) => Promise<string>;
  missingMessage: string;
}

export interface BinarySources<Online> {
  /** The name errors give ("temporal-cli"). */
  binary: string;
  envVar: string;
  cachePath: string;
  /** The answer when the internet is reachable. */
  online: Online;
  /** Looks for the build tools (only offline, when nothing is cached). */
  buildTools(): Promise<BuildTools>;
}

export async function resolveBinary<Online>(sources: BinarySources<Online>, opts: EnsureOptions): Promise<LocalBinary | Online> {
  const fromEnv = await executableFromEnv(sources.envVar);
  if (fromEnv) return { kind: 'path', path: fromEnv, source: 'env' };

  if (await isExecutableFile(sources.cachePath)) return { kind: 'path', path: sources.cachePath, source: 'cache' };

  if (await internetReachable()) return sources.online;

  const tools = await sources.buildTools();
  if (opts.build && tools.build) return { kind: 'path', path: await tools.build(sources.cachePath, opts.log), source: 'built' };
  throw new MissingBinaryError(sources.binary, tools.missingMessage);
}

// Where built or downloaded binaries live: outside git, shared by every checkout on the machine.
import os from 'node:os';
import path from 'node:path';

/** `RENKEI_CACHE_DIR` if set, else `~/.cache/renkei`. */
export function cacheDir(): string {
  const fromEnv = process.env.RENKEI_CACHE_DIR;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return path.join(os.homedir(), '.cache', 'renkei');
}

// The embedded stack's data directory holds its credentials (secrets.json), logs that name people
// and tenants, Temporal's SQLite file and the Mongo-wire server's files: only the user who runs
// `npm run dev` may read them. Directories are 0700 and files 0600, those of earlier starts
// included, and a umask of 077 makes every file this process and its children (Temporal, FerretDB,
// the worker and the API) create private as well.
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_UMASK = 0o077;
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Directories 0700 and regular files 0600 under `dir` (itself included); symbolic links are left alone. */
export function tightenModes(dir: string): void {
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) tightenModes(full);
    else if (entry.isFile()) fs.chmodSync(full, PRIVATE_FILE_MODE);
  }
}

/**
 * Sets this process's umask to 077 (inherited by every child it starts), creates `dir` (0700) and
 * makes what an earlier start left there private. Returns the previous umask.
 */
export function preparePrivateDataDir(dir: string): number {
  const previous = process.umask(PRIVATE_UMASK);
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenModes(dir);
  return previous;
}

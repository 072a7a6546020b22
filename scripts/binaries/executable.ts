// Small file-system checks for binaries: is this an executable file, is a tool on PATH,
// and the "path from an environment variable" rule shared by every binary.
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InvalidBinaryPathError } from './errors';

export async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    await fs.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable named `command` on PATH, if any. */
export async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, command);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** The value of `variable` if set; throws if it is set but not an executable file. */
export async function executableFromEnv(variable: string): Promise<string | undefined> {
  const value = process.env[variable];
  if (value === undefined || value.trim() === '') return undefined;
  const resolved = path.resolve(value);
  if (!(await isExecutableFile(resolved))) throw new InvalidBinaryPathError(variable, value);
  return resolved;
}

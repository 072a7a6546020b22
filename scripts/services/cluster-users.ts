// Who uses a shared server (the PostgreSQL cluster of the production-shaped stacks): every stack,
// benchmark or test run registers while it uses it, and the cluster is stopped only by the last
// one to leave, and only if one of them started it. So `stack:prod`, `test:prod` and the
// benchmarks' prod substrate can start and stop in any order beside each other; a cluster that was
// running before any of them (the machine's own) is never stopped. The registry is a directory:
// one file per user naming its process (users of a process that died no longer count), a marker
// that a user started the cluster, and a lock (a directory, made atomically) around each change.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Starting and stopping the server itself. */
export interface ServerControl {
  isRunning(): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterUse {
  /** Leaves: the last user out stops the server, if one of the users started it. */
  leave(): Promise<void>;
}

const LOCK_TIMEOUT_MS = 120_000;
const STARTED_MARKER = 'started-by-a-user';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid a registry file names (`<pid>-<id>` or a lock's owner file), NaN when unreadable. */
const pidOf = (name: string): number => Number(name.split('-')[0]);

/**
 * A lock whose owner file is still missing or empty this long after the lock was made was left by
 * a process that died between making the lock and naming itself in it.
 */
const OWNERLESS_LOCK_MS = 5_000;

/** The lock's owner, or undefined when its owner file is missing, empty or not a pid. */
function lockOwner(lock: string): number | undefined {
  try {
    const pid = pidOf(fs.readFileSync(path.join(lock, 'owner'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** How long ago the lock was made (0 when it has just gone). */
function lockAgeMs(lock: string): number {
  try {
    return Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, 'lock');
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock, { mode: 0o700 });
      fs.writeFileSync(path.join(lock, 'owner'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = lockOwner(lock);
      // A lock left by a process that died is taken over; one whose owner file is not written yet
      // is being made, unless it has stayed ownerless too long.
      const abandoned = owner === undefined ? lockAgeMs(lock) > OWNERLESS_LOCK_MS : !alive(owner);
      if (abandoned) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} held by ${owner === undefined ? 'a process being named' : `process ${owner}`} for over ${LOCK_TIMEOUT_MS / 1000} s`);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The users still registered, after dropping those whose process died. */
function liveUsers(usersDir: string): string[] {
  const live: string[] = [];
  for (const name of fs.readdirSync(usersDir)) {
    if (alive(pidOf(name))) live.push(name);
    else fs.rmSync(path.join(usersDir, name), { force: true });
  }
  return live;
}

/**
 * Registers a user of the server in the registry `dir`, starting the server when it is down.
 * `onStart` is told when this call started it.
 */
export async function useSharedServer(dir: string, server: ServerControl, onStart: () => void = () => undefined): Promise<ClusterUse> {
  const usersDir = path.join(dir, 'users');
  fs.mkdirSync(usersDir, { recursive: true, mode: 0o700 });
  const me = `${process.pid}-${randomUUID()}`;
  await withLock(dir, async () => {
    liveUsers(usersDir);
    if (!(await server.isRunning())) {
      onStart();
      await server.start();
      fs.writeFileSync(path.join(dir, STARTED_MARKER), String(process.pid));
    }
    fs.writeFileSync(path.join(usersDir, me), String(process.pid));
  });
  let left = false;
  return {
    leave: async () => {
      if (left) return;
      left = true;
      await withLock(dir, async () => {
        fs.rmSync(path.join(usersDir, me), { force: true });
        if (liveUsers(usersDir).length > 0 || !fs.existsSync(path.join(dir, STARTED_MARKER))) return;
        fs.rmSync(path.join(dir, STARTED_MARKER), { force: true });
        if (await server.isRunning()) await server.stop();
      });
    },
  };
}

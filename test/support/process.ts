// Runs one of renkei's entry points (worker/main.ts, api/main.ts) as a real child process, the way
// production runs them, with an environment from the test stack. The tsx launcher starts node as its
// own child: each entry runs in its own process group, and `kill` (and the test process's exit)
// ends the whole group, so no node process outlives the test that started it.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
  /** SIGKILLs the entry's whole process tree (launcher and node), whatever state it is in. */
  kill(): void;
}

/** Process groups started here and not yet killed. */
const groups = new Set<number>();

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // ESRCH: every process of the group has exited already.
  }
}

process.on('exit', () => {
  for (const pgid of groups) killGroup(pgid);
  groups.clear();
});

export function runEntry(entry: string, env: Record<string, string>, args: string[] = []): RunningProcess {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group (pgid = the launcher's pid)
  });
  const pgid = child.pid;
  if (pgid !== undefined) groups.add(pgid);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    child,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    output: () => out,
    kill: () => {
      if (pgid === undefined) return;
      // Even once the launcher has exited, node may still run in its group.
      killGroup(pgid);
      groups.delete(pgid);
    },
  };
}

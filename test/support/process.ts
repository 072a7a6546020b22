// Runs one of renkei's entry points (worker/main.ts, api/main.ts) as a real child process, the way
// production runs them, with an environment from the test stack. Node itself is the child (tsx is
// loaded with `--import`, not through its launcher), so a signal sent to the child, SIGKILL above all,
// reaches the process that runs the entry point.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
  kill(): void;
}

export function runEntry(entry: string, env: Record<string, string>, args: string[] = []): RunningProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    child,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    output: () => out,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

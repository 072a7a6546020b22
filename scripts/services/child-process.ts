// A long-running server process: output appended to a log file, stop() that escalates from
// SIGTERM to SIGKILL and resolves only once the process is gone (so its ports are free), and
// a last-resort kill if this Node process exits first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const KILL_AFTER_MS = 5000;

export interface ServerProcess {
  readonly pid: number | undefined;
  /** Why it is not running (exit code or spawn error), or undefined while it runs. */
  readonly exitReason: () => string | undefined;
  /** SIGTERM, SIGKILL after 5 s, resolves once exited. Safe to call twice. */
  readonly stop: () => Promise<void>;
}

export async function startServerProcess(
  command: string,
  args: readonly string[],
  logFile: string,
  env?: NodeJS.ProcessEnv,
): Promise<ServerProcess> {
  await fs.promises.mkdir(path.dirname(logFile), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(logFile, 'a', 0o600);
  fs.writeSync(fd, `\n--- ${new Date().toISOString()} ${command} ${args.join(' ')}\n`);
  const child = spawn(command, args, { stdio: ['ignore', fd, fd], env: env ?? process.env });
  fs.closeSync(fd);

  let reason: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('error', (err) => {
      reason ??= `could not run ${command}: ${err.message}`;
      resolve();
    });
    child.on('exit', (code, signal) => {
      reason ??= signal ? `killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
      resolve();
    });
  });
  const killOnExit = (): void => {
    if (reason === undefined) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  return {
    pid: child.pid,
    exitReason: () => reason,
    stop: async () => {
      if (reason === undefined) {
        child.kill('SIGTERM');
        const escalate = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
        await exited;
        clearTimeout(escalate);
      }
      process.off('exit', killOnExit);
    },
  };
}

/** The last lines of a log file, for error messages. */
export function logTail(logFile: string, lines = 10): string {
  try {
    const text = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
    return text.slice(-lines).join('\n');
  } catch {
    return '';
  }
}

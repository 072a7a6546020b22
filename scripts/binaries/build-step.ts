// Runs one long build command (go, mvn): full output to a log file under the cache, an
// "still building" line every 30 s for the user, and a BinaryBuildError with the output's tail
// if it fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from './cache-dir';
import { BinaryBuildError } from './errors';

const PROGRESS_EVERY_MS = 30_000;
const TAIL_LINES = 15;

export interface BuildStep {
  /** Which binary this step belongs to, for messages and the log file name. */
  binary: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** When the whole build began (progress lines count from here); defaults to this step's start. */
  startedAt?: number;
}

/** The log file a binary's build steps append to. */
export function buildLogFile(binary: string): string {
  return path.join(cacheDir(), 'logs', `${binary}.log`);
}

/** Resolves with the command's stdout once it exits 0. */
export async function runBuildStep(step: BuildStep): Promise<string> {
  const logFile = buildLogFile(step.binary);
  await fs.promises.mkdir(path.dirname(logFile), { recursive: true });
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  logStream.write(`$ ${step.command} ${step.args.join(' ')}\n`);
  const started = Date.now();
  const buildStarted = step.startedAt ?? started;
  const stdout: Buffer[] = [];
  let tail = '';

  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(step.command, step.args, {
        cwd: step.cwd,
        env: step.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const progress = setInterval(() => {
        step.log(`  … still building ${step.binary} (${Math.round((Date.now() - buildStarted) / 1000)} s)`);
      }, PROGRESS_EVERY_MS);
      const onOutput = (chunk: Buffer): void => {
        logStream.write(chunk);
        tail = lastLines(tail + chunk.toString('utf8'), TAIL_LINES);
      };
      child.stdout.on('data', (chunk: Buffer) => {
        stdout.push(chunk);
        onOutput(chunk);
      });
      child.stderr.on('data', onOutput);
      child.on('error', (err) => {
        clearInterval(progress);
        reject(new BinaryBuildError(step.binary, `could not run ${step.command}: ${err.message}`, logFile));
      });
      child.on('close', (exitCode) => {
        clearInterval(progress);
        resolve(exitCode);
      });
    });
    logStream.write(`exit ${code ?? 'signal'} after ${Math.round((Date.now() - started) / 1000)} s\n`);
    if (code !== 0) {
      const detail = `${step.command} ${step.args[0] ?? ''} exited with ${code ?? 'a signal'}${tail.trim() ? `:\n${tail.trimEnd()}` : ''}`;
      throw new BinaryBuildError(step.binary, detail, logFile);
    }
    return Buffer.concat(stdout).toString('utf8');
  } finally {
    await new Promise<void>((resolve) => logStream.end(resolve));
  }
}

function lastLines(text: string, n: number): string {
  const lines = text.split('\n');
  return lines.slice(Math.max(0, lines.length - n - 1)).join('\n');
}

/** "3 min 12 s" style duration for the final "built in" line. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

// A CPU profile of the benchmark process's main thread over one measured phase (BENCH_CPU_PROFILE=1):
// where the worker's activities, the API and the in-process emulators spend their time while the
// phase runs, written as a .cpuprofile (Chrome DevTools, speedscope) beside the results, and summed
// here by where the code comes from (a package under node_modules, renkei's own folder, Node's
// internals, garbage collection) so that a run prints its own breakdown. The samples are wall-clock:
// a thread waiting for a core inside a system call counts there (see writeBuffer on a busy machine),
// so the CPU seconds each process really used over the phase are read from /proc beside it.
import { Session } from 'node:inspector/promises';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { round } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileShare {
  where: string;
  ms: number;
  share: number;
}

/** Where a frame's code comes from: `pkg:<name>`, renkei's top-level folder, `node`, or a V8 marker. */
export function origin(url: string, functionName: string): string {
  if (url === '') return functionName === '' ? '(anonymous)' : `(${functionName.replace(/[()]/g, '')})`;
  if (url.startsWith('node:')) return 'node';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg:${pkg[1] as string}`;
  const own = /\/(activities|api|common|config|emulators|models|observability|providers|security|worker|workflows|bench|scripts)\//.exec(url);
  return own ? (own[1] as string) : 'other';
}

/** Self time per key of the sampled frame (frames keyed `undefined` are left out), in ms. */
function selfTimeBy(profile: Profile, keyOf: (frame: ProfileNode['callFrame']) => string | undefined): ProfileShare[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] as number);
    const key = node && keyOf(node.callFrame);
    if (key !== undefined) ms.set(key, (ms.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  return [...ms]
    .map(([where, t]) => ({ where, ms: round(t), share: round((100 * t) / (total || 1)) }))
    .sort((a, b) => b.ms - a.ms);
}

/** Self time per origin, from the samples and their time deltas. */
export const selfTimeByOrigin = (profile: Profile): ProfileShare[] => selfTimeBy(profile, (f) => origin(f.url, f.functionName));

/** Self time per function (name and where it is), idle and the program marker left out. */
export const selfTimeByFunction = (profile: Profile): ProfileShare[] =>
  selfTimeBy(profile, (f) =>
    f.url === '' && /^\((idle|program)\)$/.test(f.functionName)
      ? undefined
      : `${f.functionName || '(anonymous)'} ${origin(f.url, f.functionName)}${f.url ? ` ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(?=[^/]+\/[^/]+$)/, '')}` : ''}`,
  );

export interface PhaseProfiler {
  /** Stops, writes the profile to `file` and returns the breakdown (idle excluded from shares). */
  stop(file: string): Promise<{ wallMs: number; busyMs: number; top: ProfileShare[]; functions: ProfileShare[] }>;
}

export async function startPhaseProfiler(): Promise<PhaseProfiler> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
      session.disconnect();
      writeFileSync(file, JSON.stringify(profile));
      const all = selfTimeByOrigin(profile);
      const busy = all.filter((s) => s.where !== '(idle)');
      const busyMs = busy.reduce((a, s) => a + s.ms, 0);
      return {
        wallMs: round((profile.endTime - profile.startTime) / 1000),
        busyMs: round(busyMs),
        top: busy.map((s) => ({ ...s, share: round((100 * s.ms) / (busyMs || 1)) })).slice(0, 15),
        functions: selfTimeByFunction(profile).slice(0, 25),
      };
    },
  };
}

/** CPU seconds (user + system) used so far by the processes whose command line matches, from /proc. */
export function cpuSecondsOf(commandLine: RegExp): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!commandLine.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))) continue;
      // Fields after the command name (which may hold spaces) start after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks / ticksPerSecond;
}

/** The processes a local benchmark runs on, by command line. */
const METERED = { mongoWire: /ferretdb|\/mongod /, temporal: /temporal(-server)? (server start-dev|start)|temporal-server/ } as const;

export interface CpuMeter {
  /** CPU seconds each one used since the meter started: this process, the Mongo-wire server, the Temporal server. */
  read(): { benchProcess: number; mongoWire: number; temporal: number };
}

export function startCpuMeter(): CpuMeter {
  const own = process.cpuUsage();
  const mongoWire = cpuSecondsOf(METERED.mongoWire);
  const temporal = cpuSecondsOf(METERED.temporal);
  return {
    read() {
      const used = process.cpuUsage(own);
      return {
        benchProcess: round((used.user + used.system) / 1e6),
        mongoWire: round(cpuSecondsOf(METERED.mongoWire) - mongoWire),
        temporal: round(cpuSecondsOf(METERED.temporal) - temporal),
      };
    },
  };
}

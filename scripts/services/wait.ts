// Polling until a service answers: a generic "retry a probe until it succeeds" loop that also
// gives up early when the process it waits for has died, and a TCP "port accepts" probe.
import net from 'node:net';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Returns a reason once waiting is pointless (the process exited). */
  abandonIf?: () => string | undefined;
}

export type WaitOutcome = { ok: true } | { ok: false; reason: string };

/** Calls `probe` until it resolves true; probe errors count as "not yet". */
export async function waitUntil(probe: () => Promise<boolean>, opts: WaitOptions): Promise<WaitOutcome> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError = '';
  for (;;) {
    const abandoned = opts.abandonIf?.();
    if (abandoned !== undefined) return { ok: false, reason: abandoned };
    try {
      if (await probe()) return { ok: true };
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline) {
      const seconds = Math.round(opts.timeoutMs / 1000);
      return { ok: false, reason: `no answer within ${seconds} s${lastError ? ` (last error: ${lastError})` : ''}` };
    }
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 250));
  }
}

/** True if something accepts a TCP connection on host:port. */
export function tcpAccepts(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (accepted: boolean): void => {
      socket.destroy();
      resolve(accepted);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

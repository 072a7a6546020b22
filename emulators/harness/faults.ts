// Fault injection: registered faults catch the next N matching provider requests and answer them
// with a chosen status / body / Retry-After, or delay them. Faults are tried in registration order;
// the first one that matches (method, if given, and path pattern, see path-pattern.ts) and still
// has uses left takes the request and spends one use.

import { setTimeout as delay } from 'node:timers/promises';
import type { NextFunction, Request, Response } from 'express';
import type { ActiveFault, FaultSpec } from './fault-spec';
import { matchesPathPattern } from './path-pattern';
import { CONTROL_PREFIX, type RequestRecorder } from './recorder';

/** Body an emulator answers for a fault that names no body, in its provider's error shape. */
export type FaultBodyFor = (status: number) => unknown;

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private readonly stopping = new AbortController();

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: this.nextId++, remaining: spec.times };
    this.faults.push(fault);
    return fault;
  }

  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Cancels pending latency delays (server shutdown). */
  dispose(): void {
    this.stopping.abort();
  }

  /** Takes one use of the first fault matching the request, if any. */
  take(method: string, path: string): ActiveFault | undefined {
    const upper = method.toUpperCase();
    const fault = this.faults.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.method === undefined || candidate.method.toUpperCase() === upper) &&
        matchesPathPattern(candidate.path, path),
    );
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return { ...fault };
  }

  /** Express middleware placed before the provider routes. */
  middleware(recorder: RequestRecorder, faultBody: FaultBodyFor) {
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      if (req.path === CONTROL_PREFIX || req.path.startsWith(`${CONTROL_PREFIX}/`)) {
        next();
        return;
      }
      const fault = this.take(req.method, req.path);
      if (fault === undefined) {
        next();
        return;
      }
      recorder.markFaulted(req);
      if (fault.latencyMs !== undefined && fault.latencyMs > 0) {
        try {
          await delay(fault.latencyMs, undefined, { signal: this.stopping.signal });
        } catch {
          res.destroy();
          return;
        }
      }
      if (fault.status === undefined) {
        next();
        return;
      }
      if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds));
      res.status(fault.status).json(fault.body !== undefined ? fault.body : faultBody(fault.status));
    };
  }
}

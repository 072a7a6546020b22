// Records every provider request an emulator receives (control routes excluded), so tests can
// assert on exactly what a client sent and what it was answered.

import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { matchesPathPattern } from './path-pattern';
import type { RecordedRequest, RequestFilter } from './recorded-request';

export const CONTROL_PREFIX = '/_emulator';

function flattenHeaders(headers: Request['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function flattenQuery(query: Request['query']): Record<string, string | string[]> {
  const flat: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string') flat[name] = value;
    else if (Array.isArray(value)) flat[name] = value.filter((item): item is string => typeof item === 'string');
  }
  return flat;
}

export class RequestRecorder {
  private entries: RecordedRequest[] = [];
  private nextSeq = 1;
  private readonly byRequest = new WeakMap<Request, RecordedRequest>();

  /** Starts an entry at arrival; the caller fills status and body when the answer is sent. */
  begin(req: Request): RecordedRequest {
    const entry: RecordedRequest = {
      seq: this.nextSeq++,
      method: req.method,
      path: req.path,
      query: flattenQuery(req.query),
      headers: flattenHeaders(req.headers),
      time: new Date().toISOString(),
      status: null,
      faulted: false,
    };
    this.entries.push(entry);
    this.byRequest.set(req, entry);
    return entry;
  }

  /** Marks a request as answered (or delayed) by an injected fault. */
  markFaulted(req: Request): void {
    const entry = this.byRequest.get(req);
    if (entry !== undefined) entry.faulted = true;
  }

  list(filter: RequestFilter = {}): RecordedRequest[] {
    const method = filter.method?.toUpperCase();
    return this.entries.filter(
      (entry) =>
        (method === undefined || entry.method === method) &&
        (filter.path === undefined || matchesPathPattern(filter.path, entry.path)) &&
        (filter.afterSeq === undefined || entry.seq > filter.afterSeq),
    );
  }

  clear(): void {
    this.entries = [];
    this.nextSeq = 1;
  }

  /** Express middleware: records each non-control request and logs it at debug level. */
  middleware(logger: Logger) {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.path === CONTROL_PREFIX || req.path.startsWith(`${CONTROL_PREFIX}/`)) {
        next();
        return;
      }
      const entry = this.begin(req);
      res.on('finish', () => {
        entry.status = res.statusCode;
        const body: unknown = req.body;
        if (body !== undefined) entry.body = body;
        logger.debug({ method: entry.method, path: entry.path, status: entry.status, faulted: entry.faulted }, 'request');
      });
      next();
    };
  }
}

// Gives every request an ID (the caller's X-Request-Id when it is sane, else a new UUID), echoed in
// the response and carried by every log line and error body, so one request can be traced.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SANE = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE.test(given) ? given : randomUUID();
}

// The base URL a caller reached the emulator at (scheme://host:port), for URLs the emulator hands
// out (issuer, upload URLs, login redirects). Callers on another host name see their own.

import type { Request } from 'express';

export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? `127.0.0.1:${req.socket.localPort ?? 0}`}`;
}

/** A `next` target that stays on this emulator: a path, never `//host` or a full URL. */
export function localPathOr(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && candidate.startsWith('/') && !candidate.startsWith('//') && !candidate.includes('\\') ? candidate : fallback;
}

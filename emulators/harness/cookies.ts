// Reads and writes the emulators' session cookies. Browsers share cookies between ports of one
// host, so a cookie's name carries the port the emulator listens on: two emulators (or two test
// runs) on 127.0.0.1 never overwrite each other's sessions.

import type { Request, Response } from 'express';

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (header === undefined) return cookies;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index <= 0) continue;
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

/** `${prefix}_${port}`, the port being the one the request arrived on. */
export function cookieNameFor(prefix: string, req: Request): string {
  return `${prefix}_${req.socket.localPort ?? 0}`;
}

export function readCookie(req: Request, name: string): string | undefined {
  return parseCookies(req.get('cookie'))[name];
}

export function writeCookie(res: Response, name: string, value: string): void {
  res.append('Set-Cookie', `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax`);
}

export function clearCookie(res: Response, name: string): void {
  res.append('Set-Cookie', `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
}

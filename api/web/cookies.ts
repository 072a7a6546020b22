// Reading and writing renkei's cookies: HttpOnly, SameSite=Lax (they must survive the top-level
// redirect back from the provider), Secure whenever the public URL is https.
import type { Request, Response } from 'express';

export interface CookieSettings {
  secure: boolean;
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function writeCookie(res: Response, s: CookieSettings, name: string, value: string, maxAgeSeconds: number): void {
  res.cookie(name, value, { httpOnly: true, sameSite: 'lax', secure: s.secure, path: '/', maxAge: maxAgeSeconds * 1000 });
}

export function clearCookie(res: Response, s: CookieSettings, name: string): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: s.secure, path: '/' });
}

// Reading and writing renkei's cookies: HttpOnly, SameSite=Lax (they must survive the top-level
// redirect back from the provider), Secure whenever the public URL is https. The Cookie header is
// the browser's input like any other: it is parsed by the `cookie` package (a malformed `%` or
// a broken pair is read as it is, never an exception) and a value renkei reads must be
// well-formed text of a cookie's size; anything else reads as no cookie.
import { parseCookie } from 'cookie';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { wellFormedText } from '../edge/zod-fields';

export interface CookieSettings {
  secure: boolean;
}

/** What a browser may store in one cookie (RFC 6265 §6.1 asks for at least 4096 bytes). */
const cookieValue = wellFormedText(4096, 1);
const cookieHeader = z.string().max(16 * 1024);

export function readCookie(req: Request, name: string): string | undefined {
  const header = cookieHeader.safeParse(req.headers.cookie);
  if (!header.success) return undefined;
  const value = cookieValue.safeParse(parseCookie(header.data)[name]);
  return value.success ? value.data : undefined;
}

export function writeCookie(res: Response, s: CookieSettings, name: string, value: string, maxAgeSeconds: number): void {
  res.cookie(name, value, { httpOnly: true, sameSite: 'lax', secure: s.secure, path: '/', maxAge: maxAgeSeconds * 1000 });
}

export function clearCookie(res: Response, s: CookieSettings, name: string): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: s.secure, path: '/' });
}

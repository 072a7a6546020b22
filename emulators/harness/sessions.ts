// Browser sessions of an emulator's people-facing pages: a random id in a cookie (see cookies.ts)
// mapped to whatever the provider remembers about the signed-in person. Reset forgets them all.

import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { clearCookie, cookieNameFor, readCookie, writeCookie } from './cookies';

export class SessionStore<T extends object> {
  private readonly sessions = new Map<string, T>();

  constructor(private readonly cookiePrefix: string) {}

  get(req: Request): T | undefined {
    const id = readCookie(req, cookieNameFor(this.cookiePrefix, req));
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /** Starts a fresh session (a new id: no fixation) holding `value`. */
  start(req: Request, res: Response, value: T): void {
    this.end(req, res);
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, value);
    writeCookie(res, cookieNameFor(this.cookiePrefix, req), id);
  }

  /** Replaces the current session's value; false when there is no session. */
  update(req: Request, value: T): boolean {
    const id = readCookie(req, cookieNameFor(this.cookiePrefix, req));
    if (id === undefined || !this.sessions.has(id)) return false;
    this.sessions.set(id, value);
    return true;
  }

  end(req: Request, res: Response): void {
    const name = cookieNameFor(this.cookiePrefix, req);
    const id = readCookie(req, name);
    if (id !== undefined && this.sessions.delete(id)) clearCookie(res, name);
  }

  /** Ends every session matching the predicate (a user deleted, a tenant reset). */
  endWhere(predicate: (value: T) => boolean): void {
    for (const [id, value] of this.sessions) if (predicate(value)) this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}

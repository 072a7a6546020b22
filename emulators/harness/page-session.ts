// The signed-in person of an emulator's page request, or a redirect to its login page that comes
// back: one rule for every provider whose pages need a signed-in person (freee, LINE, LINE WORKS).

import type { Request, Response } from 'express';
import type { SessionStore } from './sessions';

/** What a provider's state offers: its browser sessions and who a session's person is. */
export interface SignedInSource<S extends object, U> {
  readonly sessions: SessionStore<S>;
  sessionUser(session: S | undefined): U | undefined;
}

export function loginUrlFor(next: string): string {
  return `/login?${new URLSearchParams({ next }).toString()}`;
}

/**
 * The signed-in person, or undefined after answering with a redirect to /login?next=<this page>.
 * A form post cannot be replayed after login: it comes back to `startPage` instead.
 */
export function requireSignedInOn<S extends object, U>(state: SignedInSource<S, U>, startPage: string, req: Request, res: Response): U | undefined {
  const signedIn = state.sessionUser(state.sessions.get(req));
  if (signedIn !== undefined) return signedIn;
  res.redirect(303, loginUrlFor(req.method === 'GET' ? req.originalUrl : startPage));
  return undefined;
}

// Whether a state-changing request comes from renkei's own pages. Browsers say where a request
// comes from: `Sec-Fetch-Site` (every current browser) or else `Origin` (sent with every POST).
// A request that carries neither is not from a browser (a script with no cookies of anyone's to
// abuse) and is left to the CSRF token check that follows.
import type { Request } from 'express';

export function fromSameOrigin(req: Request, publicUrl: string): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = req.get('origin');
  if (origin === undefined) return true;
  try {
    return origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

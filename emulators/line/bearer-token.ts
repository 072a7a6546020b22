// The token of an `Authorization: Bearer <token>` header, if there is one.

import type { Request } from 'express';

export function bearerToken(req: Request): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
}

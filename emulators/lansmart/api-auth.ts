// The platform API's authentication: `Authorization: Bearer <apiKey>` (the key seeded for renkei),
// compared in constant time. Anything else is 401 UNAUTHORIZED, before any other check.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { lansmartError } from './errors';
import type { LansmartState } from './state';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export function requireApiKey(state: LansmartState) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const expected = state.config.apiKey;
    if (match?.[1] === undefined || expected === undefined || !timingSafeEqual(digest(match[1]), digest(expected))) {
      throw lansmartError(401, 'UNAUTHORIZED', 'APIキーが正しくありません');
    }
    next();
  };
}

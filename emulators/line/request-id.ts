// Every answer of LINE's APIs carries `X-Line-Request-Id` (reference B.2): callers log it, and a
// 409 names the accepted request's ID. Routes read the current one from `res.locals`.

import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Line-Request-Id';

export function lineRequestId(req: Request, res: Response, next: NextFunction): void {
  const id = randomUUID();
  res.locals.lineRequestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}

export function requestIdOf(res: Response): string {
  const id: unknown = res.locals.lineRequestId;
  return typeof id === 'string' ? id : randomUUID();
}

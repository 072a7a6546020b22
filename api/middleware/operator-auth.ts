// Operator endpoints answer only to `Authorization: Bearer <OPERATOR_API_TOKEN>` (constant-time
// compare). While the token is not configured they are switched off (503), never open.
import type { RequestHandler } from 'express';
import { secretEquals } from '../constant-time';
import { HttpError } from '../errors';

export function operatorAuth(token: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!token) return next(new HttpError(503, 'operator_api_disabled', 'The operator API is switched off: set OPERATOR_API_TOKEN.'));
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (!secretEquals(given, token)) return next(new HttpError(401, 'unauthorized', 'A valid operator token is required (Authorization: Bearer …).'));
    next();
  };
}

// Form parsing for the LINE Login OAuth endpoints: they take application/x-www-form-urlencoded
// bodies and answer a missing or malformed parameter with 400 invalid_request.

import type { Request } from 'express';
import type { z } from 'zod';
import { oauthError } from './errors';

export function requireForm(req: Request): void {
  if (!req.is('application/x-www-form-urlencoded')) throw oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.map(String).join('.')).join(', ');
    throw oauthError(400, 'invalid_request', `missing or invalid parameter: ${fields}`);
  }
  return parsed.data;
}

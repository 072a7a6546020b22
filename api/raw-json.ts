// Reads a raw webhook body for routes that must check a signature on the exact bytes first: not
// JSON is a clear 400 malformed_json, a schema failure a 400 invalid_event naming each field —
// never a 500.
import type { z } from 'zod';
import { HttpError } from './errors';

export function parseRawJson(body: unknown): unknown {
  try {
    return JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : '');
  } catch {
    throw new HttpError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
}

export function parseRawBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(parseRawJson(body));
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_event', `The event does not match the ${what} schema.`, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return parsed.data;
}

export const rawBodyOf = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

/** Counts a refused request (any 4xx) before passing the error on. */
export async function countingRejections<T>(count: (outcome: string) => void, handle: () => Promise<T>): Promise<T> {
  try {
    return await handle();
  } catch (err) {
    if (err instanceof HttpError && err.status < 500) count('rejected');
    throw err;
  }
}

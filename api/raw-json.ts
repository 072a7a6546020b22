// Reads a raw webhook body as JSON for routes that must check a signature on the exact bytes
// first: a body that is not JSON is a clear 400, never a 500.
import { HttpError } from './errors';

export function parseRawJson(body: unknown): unknown {
  try {
    return JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : '');
  } catch {
    throw new HttpError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
}

export const rawBodyOf = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

// Reads a browser form's body (application/x-www-form-urlencoded, UTF-8) for a page route, and
// answers anything else as the page's own 4xx error page rather than the API's JSON: another
// content type (JSON, text) 415, a body over the limit 413, a wrong charset 415, unreadable 400.
// After it, `req.body` is always a plain object of the form's fields (an empty body reads as {}).
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** The fields of a read form body (a field sent twice arrives as a list). */
export type FormBody = Record<string, unknown>;

export function formBodyOf(body: unknown): FormBody {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as FormBody) : {};
}

/** A single-valued field (undefined when absent or sent more than once). */
export function formString(body: FormBody, name: string): string | undefined {
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeated field (rows of a form), in the order sent. */
export function formList(body: FormBody, name: string): string[] {
  const v = body[name];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export type RefuseForm = (req: Request, res: Response, status: number) => void;

export interface FormLimits {
  limit: string;
  parameterLimit?: number;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

function statusOf(err: unknown): number {
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
}

export function formBody(limits: FormLimits, refuse: RefuseForm): RequestHandler {
  const urlencoded = express.urlencoded({ extended: false, limit: limits.limit, parameterLimit: limits.parameterLimit ?? 100 });
  return (req: Request, res: Response, next: NextFunction) => {
    // A request with a body of another type is not a form post (type-is: null when there is no body).
    const type = req.is(FORM_TYPE);
    if (type === false) {
      refuse(req, res, 415);
      return;
    }
    urlencoded(req, res, (err?: unknown) => {
      if (err) {
        refuse(req, res, statusOf(err));
        return;
      }
      const body: unknown = req.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) req.body = {};
      next();
    });
  };
}

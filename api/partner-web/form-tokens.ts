// The token every partner form carries: a random request ID minted when the form is rendered
// (the update ID of the step it leads to, so a double tap is one step) and the session's CSRF
// token for that form and that request ID (so a posted request ID is always one this session was
// given). Also reads the values of an urlencoded body (a field sent twice arrives as a list).
import { randomBytes } from 'node:crypto';
import type { PartnerWebContext } from './context';
import type { PartnerSession } from '../web/session';

export interface FormToken {
  rid: string;
  csrf: string;
}

const RID = /^[A-Za-z0-9_-]{16,64}$/;

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

export function issueFormToken(pw: PartnerWebContext, session: PartnerSession, form: string): FormToken {
  const rid = randomBytes(16).toString('base64url');
  return { rid, csrf: pw.sessions.csrfToken(session, `${form}:${rid}`) };
}

/** The form's token when its CSRF token is this session's for this form and request ID. */
export function checkFormToken(pw: PartnerWebContext, session: PartnerSession, form: string, body: FormBody): FormToken | undefined {
  const rid = formString(body, 'rid');
  const csrf = formString(body, 'csrf');
  if (rid === undefined || !RID.test(rid) || csrf === undefined) return undefined;
  return pw.sessions.csrfValid(session, `${form}:${rid}`, csrf) ? { rid, csrf } : undefined;
}

// What the API's request log keeps of a request and of its answer (pino-http serializers). OAuth
// callbacks and the link pages carry short-lived bearer secrets in their query — an authorization
// code, the `state`, ID or access tokens, a single-use ticket — and whoever reads a log line with
// one could finish that person's sign-in or link. The logged URL, parsed query, Referer (the next
// page's request names the callback URL) and a redirect's Location (which carries the `state` to
// the provider, and a return_to URL carrying one) keep their path and every other parameter, with
// those values replaced.
import type { SerializedRequest, SerializedResponse } from 'pino';

export const REDACTED = '[redacted]';

/** Query parameters whose values are credentials or single-use flow handles. */
export const SECRET_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'code',
  'state',
  'id_token',
  'access_token',
  'refresh_token',
  'code_verifier',
  'client_secret',
  'assertion',
  // renkei's own single-use handles: the ID-link ticket and the consent step.
  'ticket',
  's',
]);

/** A parameter value that is itself a URL (return_to, redirect_uri) is searched one level deep. */
const MAX_NESTING = 1;

const looksLikeUrl = (value: string): boolean => /^(https?:\/\/|\/)/i.test(value) && value.includes('?');

function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The URL with the values of secret query parameters replaced; everything else is kept byte for
 * byte (path, other parameters and their encoding, fragment).
 */
export function redactUrl(url: string, depth = 0): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const hashAt = url.indexOf('#', queryAt);
  const query = hashAt < 0 ? url.slice(queryAt + 1) : url.slice(queryAt + 1, hashAt);
  const pairs = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = decodeComponent(rawKey);
    // A key that does not decode cannot be judged: keep the name, hide the value.
    if (key === undefined) return eq < 0 ? pair : `${rawKey}=${REDACTED}`;
    if (eq < 0) return pair;
    if (SECRET_QUERY_PARAMS.has(key)) return `${rawKey}=${REDACTED}`;
    const value = decodeComponent(pair.slice(eq + 1));
    if (depth < MAX_NESTING && value !== undefined && looksLikeUrl(value)) {
      const nested = redactUrl(value, depth + 1);
      if (nested !== value) return `${rawKey}=${encodeURIComponent(nested)}`;
    }
    return pair;
  });
  return `${url.slice(0, queryAt + 1)}${pairs.join('&')}${hashAt < 0 ? '' : url.slice(hashAt)}`;
}

/** A parsed query (Express: strings, arrays, nested objects) with secret values replaced. */
export function redactQuery(query: unknown, depth = 0): unknown {
  if (typeof query === 'string') return depth < MAX_NESTING && looksLikeUrl(query) ? redactUrl(query, depth + 1) : query;
  if (typeof query !== 'object' || query === null) return query;
  // A repeated parameter (`?a=1&a=2`) is an array of values of the same parameter.
  if (Array.isArray(query)) return query.map((item: unknown) => redactQuery(item, depth));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) out[key] = SECRET_QUERY_PARAMS.has(key) ? REDACTED : redactQuery(value, depth);
  return out;
}

function redactHeader(headers: Record<string, unknown> | undefined, name: string): Record<string, unknown> | undefined {
  const value = headers?.[name];
  if (typeof value !== 'string') return headers;
  const redacted = redactUrl(value);
  return redacted === value ? headers : { ...headers, [name]: redacted };
}

/**
 * pino-http serializers (applied after pino's standard ones, `wrapSerializers`): the request's URL,
 * query and Referer, and the answer's Location, without secret query values. Copies, never the
 * live request or response objects.
 */
export const httpLogSerializers = {
  req(req: SerializedRequest): Record<string, unknown> {
    return {
      id: req.id,
      method: req.method,
      url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
      query: redactQuery(req.query),
      params: req.params,
      headers: redactHeader(req.headers, 'referer'),
      remoteAddress: req.remoteAddress,
      remotePort: req.remotePort,
    };
  },
  res(res: SerializedResponse): Record<string, unknown> {
    return { statusCode: res.statusCode, headers: redactHeader(res.headers, 'location') };
  },
};

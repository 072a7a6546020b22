// What the API's request log keeps of a request and of its answer (pino-http serializers). OAuth
// callbacks and the link pages carry short-lived bearer secrets in their query — an authorization
// code, the `state`, ID or access tokens, a single-use ticket — and whoever reads a log line with
// one could finish that person's sign-in or link. The logged URL, parsed query, Referer (the next
// page's request names the callback URL) and a redirect's Location (which carries the `state` to
// the provider, and a return_to URL carrying one) keep their path and every other parameter, with
// those values replaced. Headers are logged from an allowlist: a header not on it is left out.
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
  // A signed copy of an outcome page (api/web/page-snapshot.ts): its ways forward may name a consent step.
  'copy',
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

/**
 * The request headers a log line keeps; every other header is left out, so a credential in a
 * header nobody expected (a cookie, an Authorization, a provider's token or signature, a proxy's
 * API key) never reaches the log.
 */
export const LOGGED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-language',
  'content-type',
  'content-length',
  'referer',
  'origin',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'x-request-id',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
]);

/** The response headers a log line keeps (never Set-Cookie). */
export const LOGGED_RESPONSE_HEADERS: ReadonlySet<string> = new Set(['content-type', 'content-length', 'location', 'cache-control', 'retry-after', 'x-request-id']);

/** URL-valued headers whose secret query values are replaced. */
const URL_HEADERS: ReadonlySet<string> = new Set(['referer', 'location']);

/** A copy with only the allowed headers, URL-valued ones redacted. */
export function allowedHeaders(headers: Record<string, unknown> | undefined, allowed: ReadonlySet<string>): Record<string, unknown> | undefined {
  if (!headers) return headers;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (!allowed.has(key)) continue;
    out[key] = URL_HEADERS.has(key) && typeof value === 'string' ? redactUrl(value) : value;
  }
  return out;
}

/**
 * pino-http serializers (applied after pino's standard ones, `wrapSerializers`): the request's URL,
 * query and Referer, and the answer's Location, without secret query values; of the headers only
 * the allowed ones. Copies, never the live request or response objects.
 */
export const httpLogSerializers = {
  req(req: SerializedRequest): Record<string, unknown> {
    return {
      id: req.id,
      method: req.method,
      url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
      query: redactQuery(req.query),
      params: req.params,
      headers: allowedHeaders(req.headers, LOGGED_REQUEST_HEADERS),
      remoteAddress: req.remoteAddress,
      remotePort: req.remotePort,
    };
  },
  res(res: SerializedResponse): Record<string, unknown> {
    return { statusCode: res.statusCode, headers: allowedHeaders(res.headers, LOGGED_RESPONSE_HEADERS) };
  },
};

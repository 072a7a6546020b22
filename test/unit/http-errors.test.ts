// Provider failures are classified once; the class decides the retry policy.
import { strict as assert } from 'node:assert';
import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { AuthRejectedError, classifyHttpError, parseRetryAfter, ProviderRejectedError, ProviderUnavailableError, RateLimitedError } from '../../providers/http-errors';

function axiosError(status: number, data: unknown, headers: Record<string, string> = {}): AxiosError {
  const response = { status, data, headers, statusText: '', config: { headers: new AxiosHeaders() } } as AxiosResponse;
  return new AxiosError('failed', 'ERR_BAD_RESPONSE', undefined, undefined, response);
}
const lineWorksAuth = (status: number, body: { code?: unknown }): boolean => status === 401 || (status === 403 && body.code === 'UNAUTHORIZED');

describe('provider error classification', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    const now = Date.parse('2026-11-22T00:00:00Z');
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('soon'), undefined);
  });

  it('429 → RateLimited with the delay asked for', () => {
    const e = classifyHttpError('LINE WORKS', axiosError(429, { code: 'TOO_MANY_REQUESTS' }, { 'retry-after': '7' }), lineWorksAuth);
    assert.ok(e instanceof RateLimitedError);
    assert.equal(e.retryAfterMs, 7000);
  });

  it('5xx and network failures → Unavailable (retried)', () => {
    assert.ok(classifyHttpError('x', axiosError(503, {}), lineWorksAuth) instanceof ProviderUnavailableError);
    assert.ok(classifyHttpError('x', new AxiosError('socket hang up', 'ECONNRESET'), lineWorksAuth) instanceof ProviderUnavailableError);
  });

  it('401, and 403 UNAUTHORIZED → AuthRejected; other 403/4xx → Rejected (never retried)', () => {
    assert.ok(classifyHttpError('x', axiosError(401, {}), lineWorksAuth) instanceof AuthRejectedError);
    assert.ok(classifyHttpError('x', axiosError(403, { code: 'UNAUTHORIZED' }), lineWorksAuth) instanceof AuthRejectedError);
    const forbidden = classifyHttpError('x', axiosError(403, { code: 'FORBIDDEN', description: 'no bot' }), lineWorksAuth);
    assert.ok(forbidden instanceof ProviderRejectedError);
    assert.match(forbidden.message, /403 FORBIDDEN: no bot/);
  });
});

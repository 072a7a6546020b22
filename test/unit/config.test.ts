// Configuration is validated at start: every bad value named in one error, secrets never echoed.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadApiConfig, loadCodecServerConfig, loadWorkerConfig } from '../../config';
import { validApiEnv, validWorkerEnv } from '../support/valid-env';

describe('configuration', () => {
  it('gives the embedded defaults when only the secrets are set', () => {
    const c = loadApiConfig(validApiEnv);
    assert.equal(c.TEMPORAL_ADDRESS, '127.0.0.1:7233');
    assert.equal(c.API_PORT, 3000);
    assert.equal(c.MONGODB_URI, 'mongodb://127.0.0.1:27018/renkei');
  });

  it('names every bad value in one error and never echoes a value', () => {
    const err = (() => {
      try {
        loadApiConfig({ ...validApiEnv, API_PORT: '99999', MONGODB_URI: 'postgres://x', FREEE_WEBHOOK_TOKEN: 'short-secret' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(err instanceof ConfigError);
    assert.deepEqual(err.problems.map((p) => p.split(':')[0]).sort(), ['API_PORT', 'FREEE_WEBHOOK_TOKEN', 'MONGODB_URI']);
    assert.ok(!err.message.includes('short-secret'));
  });

  it('requires the LINE WORKS private key one way or the other', () => {
    const { LINEWORKS_PRIVATE_KEY: _omit, ...rest } = validWorkerEnv;
    assert.throws(() => loadWorkerConfig(rest), (e: unknown) => e instanceof ConfigError && /LINEWORKS_PRIVATE_KEY/.test(e.message));
    assert.equal(loadWorkerConfig({ ...rest, LINEWORKS_PRIVATE_KEY_PATH: '/etc/renkei/key.pem' }).LINEWORKS_PRIVATE_KEY_PATH, '/etc/renkei/key.pem');
  });

  it('takes the Temporal mTLS certificate and key together, never one alone', () => {
    const pair = { TEMPORAL_TLS_CERT_PATH: '/etc/renkei/client.pem', TEMPORAL_TLS_KEY_PATH: '/etc/renkei/client.key' };
    assert.equal(loadWorkerConfig({ ...validWorkerEnv, ...pair }).TEMPORAL_TLS_KEY_PATH, pair.TEMPORAL_TLS_KEY_PATH);
    assert.equal(loadApiConfig({ ...validApiEnv, TEMPORAL_API_KEY: 'cloud-api-key' }).TEMPORAL_API_KEY, 'cloud-api-key');
    for (const alone of [{ TEMPORAL_TLS_CERT_PATH: pair.TEMPORAL_TLS_CERT_PATH }, { TEMPORAL_TLS_KEY_PATH: pair.TEMPORAL_TLS_KEY_PATH }]) {
      assert.throws(() => loadWorkerConfig({ ...validWorkerEnv, ...alone }), (e: unknown) => e instanceof ConfigError && /TEMPORAL_TLS_CERT_PATH/.test(e.message));
      assert.throws(() => loadApiConfig({ ...validApiEnv, ...alone }), (e: unknown) => e instanceof ConfigError && /TEMPORAL_TLS_CERT_PATH/.test(e.message));
    }
  });

  it('refuses malformed encryption keys', () => {
    assert.throws(() => loadWorkerConfig({ ...validWorkerEnv, TOKEN_ENCRYPTION_KEYS: 'k1:tooshort' }), /TOKEN_ENCRYPTION_KEYS/);
  });

  it('treats an empty optional secret as unset (its endpoint switched off), a short one as an error', () => {
    assert.equal(loadApiConfig({ ...validApiEnv, OPERATOR_API_TOKEN: '' }).OPERATOR_API_TOKEN, undefined);
    assert.throws(() => loadApiConfig({ ...validApiEnv, OPERATOR_API_TOKEN: 'short' }), /OPERATOR_API_TOKEN/);
  });

  it('names the platform on the partner pages (Lansmart by SmartHR unless set) and takes its e-mail login page as an http(s) URL', () => {
    const c = loadApiConfig(validApiEnv);
    assert.equal(c.LANSMART_BRAND, 'Lansmart by SmartHR');
    assert.equal(loadApiConfig({ ...validApiEnv, LANSMART_BRAND: '  Example Works ' }).LANSMART_BRAND, 'Example Works');
    for (const bad of ['', '<b>x</b>', 'two\nlines', 'x'.repeat(61)]) assert.throws(() => loadApiConfig({ ...validApiEnv, LANSMART_BRAND: bad }), /LANSMART_BRAND/, JSON.stringify(bad));
    assert.equal(loadApiConfig({ ...validApiEnv, LANSMART_LOGIN_URL: 'https://lansmart.example/login' }).LANSMART_LOGIN_URL, 'https://lansmart.example/login');
    for (const bad of ['javascript:alert(1)', 'not a url', 'ftp://x.example/']) assert.throws(() => loadApiConfig({ ...validApiEnv, LANSMART_LOGIN_URL: bad }), /LANSMART_LOGIN_URL/, bad);
    assert.throws(() => loadApiConfig({ ...validApiEnv, ORDER_STEP_TIMEOUT_MS: '10' }), /ORDER_STEP_TIMEOUT_MS/);
  });

  it('strips a trailing slash from provider URLs', () => {
    const c = loadWorkerConfig({ ...validWorkerEnv, LINEWORKS_API_BASE_URL: 'https://www.worksapis.com/v1.0/' });
    assert.equal(c.LINEWORKS_API_BASE_URL, 'https://www.worksapis.com/v1.0');
  });
  it('requires the Temporal payload keys, and a current key ID that is one of them', () => {
    const { TEMPORAL_PAYLOAD_KEYS: _omit, ...rest } = validWorkerEnv;
    assert.throws(() => loadWorkerConfig(rest), (e: unknown) => e instanceof ConfigError && /TEMPORAL_PAYLOAD_KEYS/.test(e.message));
    assert.throws(() => loadApiConfig({ ...validApiEnv, TEMPORAL_PAYLOAD_KEYS: 'p1:c2hvcnQ=' }), /TEMPORAL_PAYLOAD_KEYS/);
    const two = `p2:${randomBytes(32).toString('base64')},${validWorkerEnv.TEMPORAL_PAYLOAD_KEYS}`;
    assert.equal(loadWorkerConfig({ ...validWorkerEnv, TEMPORAL_PAYLOAD_KEYS: two, TEMPORAL_PAYLOAD_KEY_ID: 'p1' }).TEMPORAL_PAYLOAD_KEY_ID, 'p1');
    assert.throws(
      () => loadApiConfig({ ...validApiEnv, TEMPORAL_PAYLOAD_KEYS: two, TEMPORAL_PAYLOAD_KEY_ID: 'p9' }),
      (e: unknown) => e instanceof ConfigError && /TEMPORAL_PAYLOAD_KEY_ID/.test(e.message),
    );
  });

  it('keeps the codec endpoint on loopback unless it requires a token', () => {
    const keys = { TEMPORAL_PAYLOAD_KEYS: validWorkerEnv.TEMPORAL_PAYLOAD_KEYS };
    const c = loadCodecServerConfig(keys);
    assert.equal(c.CODEC_SERVER_HOST, '127.0.0.1');
    assert.deepEqual(c.CODEC_SERVER_CORS_ORIGINS, ['http://127.0.0.1:8233', 'http://localhost:8233']);
    assert.throws(() => loadCodecServerConfig({ ...keys, CODEC_SERVER_HOST: '0.0.0.0' }), (e: unknown) => e instanceof ConfigError && /CODEC_SERVER_TOKEN/.test(e.message));
    assert.equal(loadCodecServerConfig({ ...keys, CODEC_SERVER_HOST: '0.0.0.0', CODEC_SERVER_TOKEN: 't'.repeat(32) }).CODEC_SERVER_HOST, '0.0.0.0');
  });
});

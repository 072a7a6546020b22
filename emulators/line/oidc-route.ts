// LINE Login's OpenID Connect discovery (docs/providers/line.md#line-login-v21): `GET
// /.well-known/openid-configuration` on access.line.me answers the fields LINE's own document has —
// issuer `https://access.line.me` (the `iss` of every ID token), the authorize, token, revoke and
// userinfo endpoints, the JWKS, and ES256 as the advertised ID-token algorithm, which is what LIFF
// and the SDKs get; web logins still get HS256 tokens keyed by the channel secret. The emulator
// plays access.line.me and api.line.me on one base URL, so the endpoints are the caller's origin.
// `GET /oauth2/v2.1/certs` publishes the ES256 public key (the emulator mints no ES256 token).

import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { originOf } from '../harness/origin';
import { LINE_ISSUER } from './id-token';

export const OPENID_CONFIGURATION_PATH = '/.well-known/openid-configuration';
export const CERTS_PATH = '/oauth2/v2.1/certs';

/** The ES256 key of the JWKS: made once per emulator on first use; reset keeps it (clients cache JWKS). */
class Es256Keys {
  readonly kid = randomBytes(16).toString('hex');
  private jwk: Promise<JWK> | undefined;

  publicJwks(): Promise<{ keys: JWK[] }> {
    this.jwk ??= generateKeyPair('ES256', { extractable: true }).then(({ publicKey }) => exportJWK(publicKey));
    return this.jwk.then((jwk) => ({ keys: [{ ...jwk, kid: this.kid, alg: 'ES256', use: 'sig' }] }));
  }
}

export function createOidcRouter(): Router {
  const router = Router();
  const keys = new Es256Keys();

  router.get(OPENID_CONFIGURATION_PATH, (req, res) => {
    const base = originOf(req);
    res.json({
      issuer: LINE_ISSUER,
      authorization_endpoint: `${base}/oauth2/v2.1/authorize`,
      token_endpoint: `${base}/oauth2/v2.1/token`,
      revocation_endpoint: `${base}/oauth2/v2.1/revoke`,
      userinfo_endpoint: `${base}/oauth2/v2.1/userinfo`,
      scopes_supported: ['openid', 'profile', 'email'],
      jwks_uri: `${base}${CERTS_PATH}`,
      response_types_supported: ['code'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['ES256'],
      code_challenge_methods_supported: ['S256'],
    });
  });

  router.get(CERTS_PATH, async (_req, res) => {
    res.json(await keys.publicJwks());
  });

  return router;
}

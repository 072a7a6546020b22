// OpenID Connect discovery for User Account auth (docs/providers/line-works.md#user-account-sign-in, URLs [U] there): the issuer is
// `<base>/oauth2/v2.0`, so discovery is `<issuer>/.well-known/openid-configuration`, the JWKS is
// `<issuer>/certs`, and `<issuer>/userinfo` answers the signed-in user's claims.

import { Router } from 'express';
import { originOf } from '../harness/origin';
import { authorise } from './bearer-auth';
import { domainIdOf } from './domain-id';
import { apiError } from './errors';
import type { LineWorksState } from './state';

export const LINEWORKS_ISSUER_PATH = '/oauth2/v2.0';

export function createOidcRouter(state: LineWorksState): Router {
  const router = Router();

  router.get('/.well-known/openid-configuration', (req, res) => {
    const issuer = `${originOf(req)}${LINEWORKS_ISSUER_PATH}`;
    res.json({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/certs`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      claims_supported: ['iss', 'aud', 'sub', 'iat', 'exp', 'nonce', 'at_hash', 'email', 'name', 'domain_id'],
    });
  });

  router.get('/certs', async (_req, res) => {
    res.json(await state.issuerKeys.jwks());
  });

  router.get('/userinfo', (req, res) => {
    const { grant, tenant } = authorise(state, req, { api: 'GET /userinfo', scopes: ['openid'] });
    const user = grant.userId === undefined ? undefined : tenant.users.get(grant.userId);
    if (user === undefined) throw apiError(403, 'FORBIDDEN', 'userinfo needs a User Account token');
    res.json({ sub: user.userId, name: user.name ?? user.userId, ...(user.email === undefined ? {} : { email: user.email }), domain_id: domainIdOf(tenant.tenantId) });
  });

  return router;
}

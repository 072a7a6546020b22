// `POST /oauth2/v2.0/token`: the service-account JWT-bearer grant, the authorization-code grant of
// User Account auth (single-use code, exact redirect_uri, PKCE when a challenge was given; an ID
// token when `openid` was granted) and the refresh-token grant (docs/providers/line-works.md#authentication). Answers
// {access_token, refresh_token, scope, token_type, expires_in[, id_token]} with expires_in as a
// string, as LINE WORKS sometimes sends it.

import { Router } from 'express';
import { z } from 'zod';
import { originOf } from '../harness/origin';
import { AssertionRejected, verifyAssertion } from './assertion';
import { oauthError } from './errors';
import { mintIdToken } from './id-token';
import { LINEWORKS_ISSUER_PATH } from './oidc-route';
import { DEFAULT_ACCESS_TOKEN_TTL_SECONDS, type LineWorksState, type RegisteredApp } from './state';
import type { IssuedTokens } from './tokens';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const clientSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });
const jwtBearerSchema = clientSchema.extend({ assertion: z.string().min(1), scope: z.string().trim().min(1) });
const refreshSchema = clientSchema.extend({ refresh_token: z.string().min(1) });
const authorizationCodeSchema = clientSchema.extend({
  code: z.string().min(1),
  redirect_uri: z.string().min(1).optional(),
  code_verifier: z.string().min(1).optional(),
});

function parseForm<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((issue) => issue.path.map(String).join('.')).join(', ');
    throw oauthError(400, 'invalid_request', `missing or invalid parameter: ${missing}`);
  }
  return parsed.data;
}

function authenticateClient(state: LineWorksState, clientId: string, clientSecret: string): RegisteredApp {
  const app = state.apps.get(clientId);
  if (app === undefined || app.clientSecret !== clientSecret) throw oauthError(401, 'invalid_client', 'client authentication failed');
  return app;
}

function assertNotRevoked(state: LineWorksState, tenantId: string): void {
  if (state.revokedTenants.has(tenantId)) throw oauthError(401, 'invalid_client', 'the app is no longer authorised in this domain');
}

/**
 * [emulator] The service account of a removed app: the client authenticates, but it is no longer
 * authorised for this grant in this domain (RFC 6749 §5.2 `unauthorized_client`) — unlike a revoked
 * tenant (`invalid_client`), an unknown service account or a bad assertion (`invalid_grant`). This
 * is how an app that missed the lifecycle event can tell that it was removed.
 */
function assertInstalled(status: 'installed' | 'uninstalled'): void {
  if (status !== 'installed') throw oauthError(400, 'unauthorized_client', 'the app is not installed in this domain');
}

function tokenResponse(tokens: IssuedTokens): Record<string, string> {
  return {
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    scope: tokens.scope,
    token_type: 'Bearer',
    expires_in: String(tokens.expiresInSeconds),
  };
}

export function createTokenRouter(state: LineWorksState): Router {
  const router = Router();

  router.post('/token', async (req, res) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      throw oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const { grant_type: grantType } = parseForm(z.object({ grant_type: z.string().min(1) }), req.body);

    if (grantType === JWT_BEARER_GRANT) {
      const form = parseForm(jwtBearerSchema, req.body);
      const app = authenticateClient(state, form.client_id, form.client_secret);
      let serviceAccountId: string;
      try {
        ({ serviceAccountId } = await verifyAssertion(form.assertion, app));
      } catch (error) {
        if (error instanceof AssertionRejected) throw oauthError(400, 'invalid_grant', error.message);
        throw error;
      }
      const installation = state.installations.byServiceAccount(app.clientId, serviceAccountId);
      const tenant = installation === undefined ? undefined : state.tenants.get(installation.tenantId);
      if (installation === undefined || tenant === undefined) throw oauthError(400, 'invalid_grant', `unknown service account ${serviceAccountId}`);
      // Removal is the more specific answer: a removed app stays removed whatever else happened.
      assertInstalled(installation.status);
      assertNotRevoked(state, tenant.tenantId);
      const tokens = state.tokens.issue({ tenantId: tenant.tenantId, clientId: app.clientId, scope: form.scope }, tenant.accessTokenTtlSeconds);
      res.set('Cache-Control', 'no-store').json(tokenResponse(tokens));
      return;
    }

    if (grantType === 'authorization_code') {
      const form = parseForm(authorizationCodeSchema, req.body);
      const app = authenticateClient(state, form.client_id, form.client_secret);
      const redeemed = state.codes.redeem(form.code, { clientId: app.clientId, redirectUri: form.redirect_uri, codeVerifier: form.code_verifier });
      if (!redeemed.ok) throw oauthError(400, 'invalid_grant', redeemed.reason);
      const { grant } = redeemed;
      const tenant = state.tenants.get(grant.tenantId);
      const user = tenant?.users.get(grant.userId);
      if (tenant === undefined || user === undefined) throw oauthError(400, 'invalid_grant', 'the user no longer exists');
      assertNotRevoked(state, tenant.tenantId);
      const tokens = state.tokens.issue({ tenantId: tenant.tenantId, clientId: app.clientId, scope: grant.scope, userId: user.userId }, tenant.accessTokenTtlSeconds);
      const body: Record<string, string> = tokenResponse(tokens);
      if (grant.scope.split(' ').includes('openid')) {
        body.id_token = await mintIdToken(state.issuerKeys, {
          issuer: `${originOf(req)}${LINEWORKS_ISSUER_PATH}`,
          clientId: app.clientId,
          tenant,
          user,
          nonce: grant.nonce,
          accessToken: tokens.accessToken,
        });
      }
      res.set('Cache-Control', 'no-store').json(body);
      return;
    }

    if (grantType === 'refresh_token') {
      const form = parseForm(refreshSchema, req.body);
      const app = authenticateClient(state, form.client_id, form.client_secret);
      const outcome = state.tokens.spendRefresh(form.refresh_token, app.clientId);
      if (outcome.kind === 'revoked') assertNotRevoked(state, outcome.tenantId);
      if (outcome.kind !== 'ok') throw oauthError(400, 'invalid_grant', 'refresh token is unknown, expired or revoked');
      const { grant } = outcome;
      assertNotRevoked(state, grant.tenantId);
      const tenant = state.tenants.get(grant.tenantId);
      const tokens = state.tokens.issue(grant, tenant?.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS);
      res.set('Cache-Control', 'no-store').json(tokenResponse(tokens));
      return;
    }

    throw oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  });

  return router;
}

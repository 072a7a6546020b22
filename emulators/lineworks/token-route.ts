// `POST /oauth2/v2.0/token`: the service-account JWT-bearer grant and the refresh-token grant
// (reference A.1.2). Answers {access_token, refresh_token, scope, token_type, expires_in} with
// expires_in as a string, as LINE WORKS sometimes sends it.

import { Router } from 'express';
import { z } from 'zod';
import { AssertionRejected, verifyAssertion } from './assertion';
import { oauthError } from './errors';
import type { LineWorksState, RegisteredApp } from './state';
import type { IssuedTokens } from './tokens';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const clientSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });
const jwtBearerSchema = clientSchema.extend({ assertion: z.string().min(1), scope: z.string().trim().min(1) });
const refreshSchema = clientSchema.extend({ refresh_token: z.string().min(1) });

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
      const tenant = state.tenantForServiceAccount(app.clientId, serviceAccountId);
      if (tenant === undefined) throw oauthError(400, 'invalid_grant', `unknown service account ${serviceAccountId}`);
      assertNotRevoked(state, tenant.tenantId);
      const tokens = state.tokens.issue({ tenantId: tenant.tenantId, clientId: app.clientId, scope: form.scope }, tenant.accessTokenTtlSeconds);
      res.set('Cache-Control', 'no-store').json(tokenResponse(tokens));
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
      const tokens = state.tokens.issue(grant, tenant?.accessTokenTtlSeconds ?? 86_400);
      res.set('Cache-Control', 'no-store').json(tokenResponse(tokens));
      return;
    }

    throw oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  });

  return router;
}

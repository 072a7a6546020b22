// `POST /public_api/token` (reference D.1): authorization_code (single-use, 10 minutes, exact
// redirect_uri, PKCE when a challenge was given) and refresh_token (single-use, rotated; reuse
// answers 401 invalid_grant and revokes the grant, see tokens.ts). Client credentials in the form
// or HTTP Basic. Answers {access_token, token_type, expires_in, refresh_token, scope, created_at,
// company_id, external_cid} with company_id as a string, as freee's example shows it.
// `POST /public_api/revoke` (RFC 7009) ends the grant of the token given.

import { Router, type Request } from 'express';
import { z } from 'zod';
import { freeeOauthError } from './errors';
import type { FreeeState } from './state';
import type { FreeeGrant, IssuedFreeeTokens } from './tokens';

const grantSchema = z.object({ grant_type: z.string().min(1) });
const codeSchema = z.object({ code: z.string().min(1), redirect_uri: z.string().min(1).optional(), code_verifier: z.string().min(1).optional() });
const refreshSchema = z.object({ refresh_token: z.string().min(1) });
const revokeSchema = z.object({ token: z.string().min(1), token_type_hint: z.string().optional() });

function form<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw freeeOauthError(400, 'invalid_request', `missing or invalid parameter: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  }
  return parsed.data;
}

/** client_id / client_secret from HTTP Basic or the form. */
function clientCredentials(req: Request): { clientId?: string; clientSecret?: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (basic?.[1] !== undefined) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  return {
    clientId: typeof body.client_id === 'string' ? body.client_id : undefined,
    clientSecret: typeof body.client_secret === 'string' ? body.client_secret : undefined,
  };
}

function tokenBody(grant: FreeeGrant, tokens: IssuedFreeeTokens): Record<string, string | number> {
  return {
    access_token: tokens.accessToken,
    token_type: 'bearer',
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
    scope: grant.scope,
    created_at: tokens.createdAt,
    company_id: String(grant.companyId),
    external_cid: String(grant.companyId).padStart(10, '0'),
  };
}

export function createFreeeTokenRouter(state: FreeeState): Router {
  const router = Router();

  const authenticate = (req: Request): string => {
    const { clientId, clientSecret } = clientCredentials(req);
    const app = clientId === undefined ? undefined : state.apps.get(clientId);
    if (app === undefined || app.clientSecret !== clientSecret) throw freeeOauthError(401, 'invalid_client', 'client authentication failed');
    return app.clientId;
  };

  router.post('/public_api/token', (req, res) => {
    const { grant_type: grantType } = form(grantSchema, req.body);
    const clientId = authenticate(req);

    if (grantType === 'authorization_code') {
      const input = form(codeSchema, req.body);
      const redeemed = state.codes.redeem(input.code, { clientId, redirectUri: input.redirect_uri, codeVerifier: input.code_verifier });
      if (!redeemed.ok) throw freeeOauthError(400, 'invalid_grant', redeemed.reason);
      if (!state.users.has(redeemed.grant.userId)) throw freeeOauthError(400, 'invalid_grant', 'the user no longer exists');
      const grant: FreeeGrant = { clientId, ...redeemed.grant };
      res.set('Cache-Control', 'no-store').json(tokenBody(grant, state.tokens.issue(grant)));
      return;
    }

    if (grantType === 'refresh_token') {
      const input = form(refreshSchema, req.body);
      const outcome = state.tokens.spendRefresh(input.refresh_token, clientId);
      if (outcome.kind === 'reused') throw freeeOauthError(401, 'invalid_grant', 'the refresh token was already used; the grant is revoked');
      if (outcome.kind !== 'ok') throw freeeOauthError(401, 'invalid_grant', 'the refresh token is invalid, expired or revoked');
      res.set('Cache-Control', 'no-store').json(tokenBody(outcome.grant, state.tokens.issue(outcome.grant, outcome.family)));
      return;
    }

    throw freeeOauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  });

  router.post('/public_api/revoke', (req, res) => {
    authenticate(req);
    state.tokens.revokeToken(form(revokeSchema, req.body).token);
    res.json({});
  });

  return router;
}

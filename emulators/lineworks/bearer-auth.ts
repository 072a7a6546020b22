// Resolves `Authorization: Bearer <token>` to the token's grant, applies the per-tenant, per-API
// rate limit and the scope check: the gate in front of every LINE WORKS API route.

import type { Request } from 'express';
import { apiError } from './errors';
import type { Bot } from './installations';
import type { LineWorksState, Tenant } from './state';
import type { TokenGrant } from './tokens';

export interface AuthorisedCall {
  grant: TokenGrant;
  tenant: Tenant;
}

export function authorise(
  state: LineWorksState,
  req: Request,
  options: { api: string; scopes: readonly string[] },
): AuthorisedCall {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  const grant = match?.[1] === undefined ? undefined : state.tokens.findAccess(match[1]);
  const tenant = grant === undefined ? undefined : state.tenants.get(grant.tenantId);
  if (grant === undefined || tenant === undefined || state.revokedTenants.has(grant.tenantId)) {
    throw apiError(401, 'UNAUTHORIZED', 'Authentication failed');
  }

  const decision = state.rateLimiter.take(`${tenant.tenantId} ${options.api}`, state.rateLimitFor(tenant));
  if (!decision.allowed) {
    throw apiError(429, 'TOO_MANY_REQUESTS', 'API rate limit exceeded', { 'Retry-After': String(decision.retryAfterSeconds) });
  }

  const granted = grant.scope.split(/[\s,]+/);
  if (!options.scopes.some((scope) => granted.includes(scope))) {
    throw apiError(403, 'FORBIDDEN', `the token lacks one of the scopes: ${options.scopes.join(', ')}`);
  }
  return { grant, tenant };
}

/** As `authorise`, and the bot must be a live bot of the token's app in the token's tenant. */
export function authoriseBot(
  state: LineWorksState,
  req: Request,
  botId: string,
  options: { api: string; scopes: readonly string[] },
): AuthorisedCall & { bot: Bot } {
  const call = authorise(state, req, options);
  const bot = state.botOf(call.tenant.tenantId, call.grant.clientId, botId);
  if (bot === undefined) throw apiError(403, 'FORBIDDEN', `bot ${botId} is not available in this domain`);
  return { ...call, bot };
}

// freee accounting API routes a linking service needs (reference D.3): `GET /api/1/users/me`
// (`companies` and `advisor` judged by presence alone; `advisor` without `companies` is 400),
// `GET /api/1/companies` and `GET /api/1/companies/:id`. Bearer tokens from /public_api/token.

import { Router, type Request } from 'express';
import { freeeApiError } from './errors';
import type { FreeeUser } from './seed-schema';
import type { FreeeState } from './state';
import type { FreeeGrant } from './tokens';

export function createFreeeApiRouter(state: FreeeState): Router {
  const router = Router();

  const authenticate = (req: Request): { grant: FreeeGrant; user: FreeeUser } => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const grant = match?.[1] === undefined ? undefined : state.tokens.findAccess(match[1]);
    const user = grant === undefined ? undefined : state.users.get(grant.userId);
    if (grant === undefined || user === undefined) throw freeeApiError(401, 'アクセストークンが無効です');
    return { grant, user };
  };

  const companyView = (membership: FreeeUser['companies'][number]) => {
    const company = state.companies.get(membership.id);
    return {
      id: membership.id,
      name: company?.name ?? null,
      name_kana: company?.name_kana ?? null,
      display_name: state.companyName(membership.id),
      role: membership.role,
    };
  };

  router.get('/api/1/users/me', (req, res) => {
    const { user } = authenticate(req);
    const withCompanies = 'companies' in req.query;
    if ('advisor' in req.query && !withCompanies) throw freeeApiError(400, 'advisor は companies と一緒に指定してください');
    res.json({
      user: {
        id: user.id,
        email: user.email,
        display_name: user.display_name ?? null,
        first_name: user.first_name ?? null,
        last_name: user.last_name ?? null,
        first_name_kana: null,
        last_name_kana: null,
        ...(withCompanies
          ? {
              companies: user.companies.map((membership) => ({
                id: membership.id,
                display_name: state.companyName(membership.id),
                role: membership.role,
                use_custom_role: membership.use_custom_role,
              })),
            }
          : {}),
      },
    });
  });

  router.get('/api/1/companies', (req, res) => {
    const { user } = authenticate(req);
    res.json({ companies: user.companies.map(companyView) });
  });

  router.get('/api/1/companies/:id', (req, res) => {
    const { user } = authenticate(req);
    const id = Number(req.params.id);
    const membership = user.companies.find((candidate) => candidate.id === id);
    if (!Number.isInteger(id) || !state.companies.has(id)) throw freeeApiError(404, '事業所が見つかりません');
    if (membership === undefined) throw freeeApiError(403, 'この事業所にアクセスする権限がありません');
    res.json({ company: companyView(membership) });
  });

  return router;
}

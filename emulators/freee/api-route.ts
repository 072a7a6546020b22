// freee accounting API routes a linking service needs (docs/providers/freee.md#who-the-user-is):
// `GET /api/1/users/me` (`companies` and `advisor` judged by presence alone; `advisor` without
// `companies` is 400; with both, each company has `advisor_id`), `GET /api/1/companies` and
// `GET /api/1/companies/:id` (its list flags take only `true`; a company the user is not in is 403,
// the only refusal freee's schema documents for it). Answers follow freee's published OpenAPI
// (test/contracts/freee/accounting-api.json). Bearer tokens from /public_api/token.

import { Router, type Request } from 'express';
import { companyDetail, companyListItem } from './company-view';
import { freeeApiError } from './errors';
import type { FreeeUser } from './seed-schema';
import type { FreeeState } from './state';
import type { FreeeGrant } from './tokens';

/** The list flags of `GET /api/1/companies/{id}`: only `true`, or left out. */
const COMPANY_LIST_FLAGS = ['details', 'account_items', 'taxes', 'items', 'partners', 'sections', 'tags', 'walletables'] as const;

export function createFreeeApiRouter(state: FreeeState): Router {
  const router = Router();

  const authenticate = (req: Request): { grant: FreeeGrant; user: FreeeUser } => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const grant = match?.[1] === undefined ? undefined : state.tokens.findAccess(match[1]);
    const user = grant === undefined ? undefined : state.users.get(grant.userId);
    if (grant === undefined || user === undefined) throw freeeApiError(401, 'アクセストークンが無効です');
    return { grant, user };
  };

  /** The user's companies that exist (a seed refuses memberships of unknown companies). */
  const memberships = (user: FreeeUser) =>
    user.companies.flatMap((membership) => {
      const company = state.companies.get(membership.id);
      return company === undefined ? [] : [{ company, membership, displayName: state.companyName(membership.id) }];
    });

  router.get('/api/1/users/me', (req, res) => {
    const { user } = authenticate(req);
    const withCompanies = 'companies' in req.query;
    const withAdvisor = 'advisor' in req.query;
    if (withAdvisor && !withCompanies) throw freeeApiError(400, 'advisor は companies と一緒に指定してください');
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
                ...(withAdvisor ? { advisor_id: null } : {}),
              })),
            }
          : {}),
      },
    });
  });

  router.get('/api/1/companies', (req, res) => {
    const { user } = authenticate(req);
    res.json({ companies: memberships(user).map(({ company, membership, displayName }) => companyListItem(company, membership, displayName)) });
  });

  router.get('/api/1/companies/:id', (req, res) => {
    const { user } = authenticate(req);
    for (const flag of COMPANY_LIST_FLAGS) {
      if (flag in req.query && req.query[flag] !== 'true') throw freeeApiError(400, `${flag} に指定できる値は true のみです`);
    }
    const id = Number(req.params.id);
    const found = Number.isInteger(id) ? memberships(user).find((candidate) => candidate.company.id === id) : undefined;
    if (found === undefined) throw freeeApiError(403, 'この事業所にアクセスする権限がありません');
    res.json({ company: companyDetail(found.company, found.membership, found.displayName) });
  });

  return router;
}

// The platform API's people: invitations (`GET /api/v1/invitations/{token}`), who an e-mail address
// belongs to (`GET /api/v1/users?email=`, case-insensitive, partners and company users), and
// partners (`GET /api/v1/partners/{id}`, `PUT .../basic-info` which completes ユーザー登録 and
// accepts the invitation, `PUT .../bank-account`).

import { Router, type Request } from 'express';
import { z } from 'zod';
import { lansmartError, parseOrReject } from './errors';
import { bankAccountSchema, basicInfoSchema } from './partner-info';
import type { LansmartPartner, LansmartState } from './state';

const usersQuerySchema = z.object({ email: z.string().trim().min(1, 'email を指定してください') });

type UserMatch = { kind: 'partner'; partnerId: string; companyId: string } | { kind: 'company_user'; companyId: string; name: string };

export function createDirectoryRouter(state: LansmartState): Router {
  const router = Router();

  const partnerOf = (req: Request): LansmartPartner => {
    const partner = state.partners.get(String(req.params.partnerId));
    if (partner === undefined) throw lansmartError(404, 'NOT_FOUND', 'パートナーが見つかりません');
    return partner;
  };

  router.get('/invitations/:token', (req, res) => {
    const partner = state.partnerByInvitation(String(req.params.token));
    if (partner === undefined) throw lansmartError(404, 'NOT_FOUND', '招待が見つかりません');
    res.json(state.invitationView(partner));
  });

  router.get('/users', (req, res) => {
    const wanted = parseOrReject(usersQuerySchema, req.query).email.toLowerCase();
    const users: UserMatch[] = [];
    for (const partner of state.partners.values()) {
      if (partner.email.toLowerCase() === wanted) users.push({ kind: 'partner', partnerId: partner.partnerId, companyId: partner.companyId });
    }
    for (const company of state.companies.values()) {
      for (const user of company.users) {
        if (user.email.toLowerCase() === wanted) users.push({ kind: 'company_user', companyId: company.companyId, name: user.name });
      }
    }
    res.json({ users });
  });

  router.get('/partners/:partnerId', (req, res) => {
    res.json(state.partnerView(partnerOf(req)));
  });

  router.put('/partners/:partnerId/basic-info', (req, res) => {
    const partner = partnerOf(req);
    partner.basicInfo = parseOrReject(basicInfoSchema, req.body);
    partner.registered = true;
    res.json(state.partnerView(partner));
  });

  router.put('/partners/:partnerId/bank-account', (req, res) => {
    const partner = partnerOf(req);
    partner.bankAccount = parseOrReject(bankAccountSchema, req.body);
    res.json(state.partnerView(partner));
  });

  return router;
}

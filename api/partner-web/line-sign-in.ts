// The LINE Login callback's work once the state is consumed: who came back (line-identity.ts),
// which partner that is (partner-for-line.ts), the link itself — an update-with-start of the
// partner's line-link workflow whose update ID is the OAuth state, so the same login is one
// update — then the partner's LINE tokens sealed in Mongo (never in a workflow history) and the
// partner session. A refusal at any step links nothing.
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { storeLineTokens } from '../../models/partner-line-token-store';
import type { PlatformPartner } from '../../providers/lansmart/platform-client';
import type { TokenCipher } from '../../security/token-cipher';
import type { PartnerWebContext } from './context';
import { lineIdentity } from './line-identity';
import { partnerForLogin, partnerForRegistration } from './partner-for-line';

export type LineSignInFlow = { kind: 'register'; partnerId: string } | { kind: 'login' };

export interface LineSignedIn {
  partner: PlatformPartner;
  lineUserId: string;
  friend: boolean;
  alreadyLinked: boolean;
}

export async function signInWithLine(
  pw: PartnerWebContext,
  cipher: TokenCipher,
  res: Response,
  input: { flow: LineSignInFlow; code: string; state: string; codeVerifier: string; nonce: string; friendshipChanged: boolean; stateId: string },
  log: { warn(obj: object, msg: string): void },
): Promise<LineSignedIn> {
  const who = await lineIdentity(pw, input, log);
  const partner =
    input.flow.kind === 'register'
      ? await partnerForRegistration(pw.platform, input.flow.partnerId, who.email)
      : await partnerForLogin(pw.platform, who.lineUserId, who.email);
  const linked = await pw.partners.linkLine(
    partner.partnerId,
    { companyId: partner.companyId, lineUserId: who.lineUserId, partnerEmail: partner.email, lineEmail: who.email, friend: who.friend },
    input.stateId,
  );
  await storeLineTokens(cipher, partner.partnerId, who.lineUserId, who.tokens);
  await pw.sessions.write(res, {
    partnerId: partner.partnerId,
    companyId: partner.companyId,
    lineUserId: who.lineUserId,
    displayName: partner.basicInfo?.name ?? partner.name ?? who.displayName,
    sid: randomUUID(),
  });
  return { partner, lineUserId: who.lineUserId, friend: who.friend, alreadyLinked: linked.alreadyLinked };
}

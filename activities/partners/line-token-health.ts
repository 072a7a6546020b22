// Is the partner's LINE link still alive? LINE sends no webhook when a user revokes the app in
// 連動アプリ; it just refuses the app's tokens from then on. So before a LINE send renkei verifies
// the partner's access token (refreshing it when expired). A refresh token spent by a concurrent
// refresh is told apart from a refusal by re-reading the stored tokens.
import { AuthRejectedError } from '../../providers/http-errors';
import { PartnerLineToken, VERIFIED_AT_RESOLUTION_MS } from '../../models/partner-line-token';
import { storeLineTokens } from '../../models/partner-line-token-store';
import type { LineLoginClient } from '../../providers/line/login-client';
import type { TokenCipher } from '../../security/token-cipher';

export type TokenHealth = 'valid' | 'refused' | 'missing';

/**
 * `linkedAt`: when the partner's current link was made. The callback stores a new link's tokens
 * just after linking, so a refusal recorded before that belongs to an earlier link (連動の解除, then
 * a new login): the new tokens are on their way, as for a first link.
 */
export async function checkLineTokens(login: LineLoginClient, cipher: TokenCipher, partnerId: string, linkedAt?: Date, attempt = 0): Promise<TokenHealth> {
  const doc = await PartnerLineToken.findById(partnerId).lean();
  if (!doc) return 'missing';
  if (doc.status === 'refused') return linkedAt && doc.refusedAt && doc.refusedAt < linkedAt ? 'missing' : 'refused';
  const accessToken = cipher.open(doc.accessToken);
  try {
    await login.verifyAccessToken(accessToken);
    const now = new Date();
    if (!(now.getTime() - doc.verifiedAt.getTime() < VERIFIED_AT_RESOLUTION_MS)) await PartnerLineToken.updateOne({ _id: partnerId }, { $set: { verifiedAt: now } });
    return 'valid';
  } catch (err) {
    if (!(err instanceof AuthRejectedError)) throw err;
  }
  // Refused or expired: an expired token refreshes; a revoked app refuses the refresh too.
  try {
    const tokens = await login.refresh(cipher.open(doc.refreshToken));
    await storeLineTokens(cipher, partnerId, doc.lineUserId, tokens);
    return 'valid';
  } catch (err) {
    if (!(err instanceof AuthRejectedError)) throw err;
  }
  const now = await PartnerLineToken.findById(partnerId, { refreshToken: 1 }).lean();
  if (now && attempt === 0 && cipher.open(now.refreshToken) !== cipher.open(doc.refreshToken)) {
    // Someone refreshed in between (our refresh token was already spent): check the new tokens.
    return checkLineTokens(login, cipher, partnerId, linkedAt, 1);
  }
  await PartnerLineToken.updateOne({ _id: partnerId }, { $set: { status: 'refused', refusedAt: new Date() } });
  return 'refused';
}

// Stores a partner's LINE Login tokens, sealed, as the valid current pair: after a login (the
// API's callback) and after a refresh (the token health check).
import type { TokenCipher } from '../security/token-cipher';
import { PartnerLineToken } from './partner-line-token';

export async function storeLineTokens(
  cipher: TokenCipher,
  partnerId: string,
  lineUserId: string,
  tokens: { accessToken: string; refreshToken: string; expiresInSeconds: number },
): Promise<void> {
  const now = new Date();
  await PartnerLineToken.updateOne(
    { _id: partnerId },
    {
      $set: {
        lineUserId,
        accessToken: cipher.seal(tokens.accessToken),
        refreshToken: cipher.seal(tokens.refreshToken),
        expiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
        verifiedAt: now,
        status: 'valid',
      },
      $unset: { refusedAt: 1 },
    },
    { upsert: true },
  );
}

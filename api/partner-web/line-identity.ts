// Who came back from LINE Login: the code redeemed with its PKCE verifier and the ID token verified
// (../line-login/sign-in-client.ts: HS256 with the channel secret, issuer, audience, expiry, this
// flow's nonce), the e-mail address
// (only in the ID token), and whether they are a friend of the Official Account. No e-mail is told
// apart by the granted scopes: without `email` the partner unticked the permission; with it, the
// LINE account has no address.
import type { LineLoginTokens } from '../../providers/line/login-client';
import { ProviderUnavailableError, RateLimitedError } from '../../providers/http-errors';
import type { PartnerWebContext } from './context';
import { PartnerSignInError } from '../web/error-pages';

export interface LineSignInIdentity {
  lineUserId: string;
  displayName: string;
  email: string;
  tokens: LineLoginTokens;
  /** A friend of the Official Account that does not block it. */
  friend: boolean;
}

export async function lineIdentity(
  pw: PartnerWebContext,
  flow: { code: string; state: string; codeVerifier: string; nonce: string; friendshipChanged: boolean },
  log: { warn(obj: object, msg: string): void },
): Promise<LineSignInIdentity> {
  const { identity, tokens } = await pw.lineSignIn.signIn({ code: flow.code, state: flow.state, codeVerifier: flow.codeVerifier, nonce: flow.nonce });
  if (identity.email === null) {
    const emailGranted = tokens.scope.split(' ').includes('email');
    throw emailGranted
      ? new PartnerSignInError('EMAIL_MISSING', 'the LINE account has no e-mail address')
      : new PartnerSignInError('EMAIL_PERMISSION_REFUSED', 'the e-mail permission was not granted');
  }
  let friend: boolean;
  try {
    friend = await pw.lineLogin.isFriend(tokens.accessToken);
  } catch (err) {
    if (!(err instanceof ProviderUnavailableError || err instanceof RateLimitedError)) throw err;
    // The friendship API is down: LINE's own report of this login's add-friend screen will do.
    log.warn({ err }, 'LINE friendship status unavailable; using friendship_status_changed');
    friend = flow.friendshipChanged;
  }
  return { lineUserId: identity.lineUserId, displayName: identity.name ?? '', email: identity.email, tokens, friend };
}

// Sends the partner to LINE Login: a signed single-use state bound to this browser (carrying what
// the callback needs and the nonce), PKCE S256, the registered redirect URI, the `openid email`
// scopes (the e-mail is only in the ID token) and bot_prompt=aggressive — the help page's 友だち
// 追加画面 comes after the 認証画面 as a screen of its own.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { PartnerWebContext } from './context';

export type LineSignInPurpose = 'line_register' | 'line_login';
export const LINE_SIGN_IN_PURPOSES: readonly LineSignInPurpose[] = ['line_register', 'line_login'];

export async function lineAuthorizeUrl(pw: PartnerWebContext, req: Request, res: Response, purpose: LineSignInPurpose, data: Record<string, string>): Promise<string> {
  const nonce = randomBytes(24).toString('base64url');
  const issued = await pw.states.issue(req, res, purpose, { ...data, nonce });
  return pw.lineSignIn.authorizeUrl({ state: issued.state, nonce, codeChallenge: issued.codeChallenge, botPrompt: 'aggressive' });
}

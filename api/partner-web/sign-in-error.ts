// A refusal of ユーザー登録 / ログイン with LINE, typed by what the partner is told
// (pages/sign-in-messages.ts). Thrown by the steps of the LINE Login callback, answered by
// sign-in-failure.ts; nothing is linked when one is thrown.
import type { SignInErrorKind } from './pages/sign-in-messages';

/** The two addresses an e-mail mismatch is about (shown masked on its page, never logged). */
export interface EmailPair {
  line: string;
  platform: string;
}

export class PartnerSignInError extends Error {
  constructor(
    readonly kind: SignInErrorKind,
    message: string,
    readonly emails?: EmailPair,
  ) {
    super(message);
    this.name = 'PartnerSignInError';
  }
}

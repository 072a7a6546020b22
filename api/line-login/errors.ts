// Why a partner's LINE Login did not give renkei a verified LINE account, in the terms the sign-in
// pages need: LINE refused the code, the ID token did not verify, LINE was unreachable, or LINE
// refused renkei's request (or answered what renkei cannot read). Messages name the check that
// failed and carry no token, code or claim values.

export type LineLoginProblem =
  /** The token endpoint refused the code or the channel (invalid_grant, invalid_client …). */
  | 'token_refused'
  /** No ID token, or one that fails a check (signature, iss, aud, exp, nonce …). */
  | 'id_token_invalid'
  /** LINE (discovery or token endpoint) answered 5xx/429 or not at all. */
  | 'unavailable'
  /** LINE refused renkei's request as malformed, or answered tokens renkei cannot use. */
  | 'request_rejected';

export class LineLoginError extends Error {
  constructor(
    readonly problem: LineLoginProblem,
    message: string,
  ) {
    super(message);
    this.name = 'LineLoginError';
  }
}

// Why a LINE WORKS login (User Account auth + OIDC) did not give renkei a verified account, in the
// terms the pages need: the person refused, LINE WORKS refused the code or token, the ID token did
// not verify, LINE WORKS was unreachable, or renkei's request itself was wrong. Messages carry no
// token, code or claim values.

export type LineWorksLoginProblem =
  /** The person chose [キャンセル] at LINE WORKS's consent (`error=access_denied`). */
  | 'denied'
  /** The token endpoint refused the code or the client (invalid_grant, invalid_client …). */
  | 'token_refused'
  /** No ID token, or one that fails a check (signature, iss, aud, nonce, at_hash, exp …). */
  | 'id_token_invalid'
  /** LINE WORKS (authorize, token, discovery or JWKS) answered 5xx/429 or not at all. */
  | 'unavailable'
  /** LINE WORKS refused renkei's request as malformed (a configuration problem). */
  | 'request_rejected';

export class LineWorksLoginError extends Error {
  constructor(
    readonly problem: LineWorksLoginProblem,
    message: string,
  ) {
    super(message);
    this.name = 'LineWorksLoginError';
  }
}

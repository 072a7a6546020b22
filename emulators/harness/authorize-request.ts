// What the providers' OAuth 2.0 authorize endpoints share: the query of an authorization request
// (RFC 6749 §4.1.1, with OpenID Connect's nonce and prompt and PKCE's challenge), every field an
// optional single value that each provider then checks its own way; and the error answer sent back
// to a registered redirect URI with the request's state (RFC 6749 §4.1.2.1).

import type { Response } from 'express';
import { z } from 'zod';
import { appendQuery } from './redirect-uri';
import { formValue } from './validate';

export const authorizeQuerySchema = z.object({
  response_type: formValue(),
  client_id: formValue(),
  redirect_uri: formValue(),
  scope: formValue(),
  state: formValue(),
  nonce: formValue(),
  prompt: formValue(),
  code_challenge: formValue(),
  code_challenge_method: formValue(),
});

/** Sends `error` and its description back to the client; only for a redirect URI already checked. */
export function authorizeErrorRedirect(res: Response, redirectUri: string, state: string | undefined): (error: string, description: string) => void {
  return (error, description) => {
    res.redirect(303, appendQuery(redirectUri, { error, error_description: description, state }));
  };
}

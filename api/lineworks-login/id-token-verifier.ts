// Verifies a LINE WORKS ID token as LINE WORKS documents it (docs/providers/line-works.md#user-account-sign-in): RS256 signature with
// the key named by `kid` from the JWKS (`certs`), `iss` exactly the openid-configuration issuer,
// `aud` the client ID, `nonce` the one renkei sent, the current time between `iat` and `exp`, and
// `at_hash` over the access token. Discovery and keys are fetched once and cached (jose refetches
// the JWKS when an unknown `kid` appears). Answers the LINE WORKS account: user ID and domain ID.
import { createHash, timingSafeEqual } from 'node:crypto';
import axios from 'axios';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { classifyHttpError } from '../../providers/http-errors';
import { LineWorksLoginError } from './errors';

export interface LineWorksIdentity {
  /** The LINE WORKS user ID (`sub`). */
  userId: string;
  /** The LINE WORKS domain (tenant) ID, as a string. */
  domainId: string;
}

export interface IdTokenVerifierOptions {
  /** `…/oauth2/v2.0`: discovery lives at `<base>/.well-known/openid-configuration`. */
  authBaseUrl: string;
  clientId: string;
  timeoutMs: number;
  /** The verifier's clock (a test may look at a token from the future). */
  now?: () => Date;
}

const discoverySchema = z.object({
  issuer: z.string().min(1),
  jwks_uri: z.url({ protocol: /^https?$/ }),
});

const identityClaims = z.object({
  sub: z.string().min(1).max(255),
  domain_id: z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9._-]{1,64}$/)]).transform(String),
});

/** jose failures that mean "this token is not acceptable" (anything else: keys unreachable). */
const TOKEN_PROBLEMS = [
  joseErrors.JWTClaimValidationFailed,
  joseErrors.JWTExpired,
  joseErrors.JWTInvalid,
  joseErrors.JWSInvalid,
  joseErrors.JWSSignatureVerificationFailed,
  joseErrors.JOSEAlgNotAllowed,
  joseErrors.JOSENotSupported,
  joseErrors.JWKSNoMatchingKey,
  joseErrors.JWKSMultipleMatchingKeys,
];

/** at_hash for RS256: base64url of the left half of SHA-256 over the access token (ASCII). */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

interface Discovered {
  issuer: string;
  jwks: ReturnType<typeof createRemoteJWKSet>;
}

export class IdTokenVerifier {
  private discovered: Promise<Discovered> | undefined;

  constructor(private readonly opts: IdTokenVerifierOptions) {}

  private discover(): Promise<Discovered> {
    if (this.discovered) return this.discovered;
    const discovered = (async (): Promise<Discovered> => {
      try {
        const res = await axios.get<unknown>(`${this.opts.authBaseUrl}/.well-known/openid-configuration`, { timeout: this.opts.timeoutMs });
        const doc = discoverySchema.safeParse(res.data);
        if (!doc.success) throw new LineWorksLoginError('unavailable', 'LINE WORKS openid-configuration is not usable');
        return { issuer: doc.data.issuer, jwks: createRemoteJWKSet(new URL(doc.data.jwks_uri), { timeoutDuration: this.opts.timeoutMs }) };
      } catch (err) {
        if (err instanceof LineWorksLoginError) throw err;
        throw new LineWorksLoginError('unavailable', classifyHttpError('LINE WORKS auth', err, () => false).message);
      }
    })();
    this.discovered = discovered;
    // A failed discovery is not remembered: the next login asks again.
    discovered.catch(() => {
      if (this.discovered === discovered) this.discovered = undefined;
    });
    return discovered;
  }

  async verify(idToken: string, expected: { nonce: string; accessToken: string }): Promise<LineWorksIdentity> {
    const { issuer, jwks } = await this.discover();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, jwks, {
        issuer,
        audience: this.opts.clientId,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat', 'nonce', 'at_hash'],
        // The token was minted for this very login: it must be fresh, and not from the future.
        maxTokenAge: '10 minutes',
        clockTolerance: 60,
        currentDate: this.opts.now?.(),
      }));
    } catch (err) {
      if (TOKEN_PROBLEMS.some((type) => err instanceof type)) {
        const code = err instanceof joseErrors.JOSEError ? err.code : 'unknown';
        throw new LineWorksLoginError('id_token_invalid', `LINE WORKS ID token refused (${code})`);
      }
      this.discovered = undefined;
      throw new LineWorksLoginError('unavailable', `LINE WORKS keys could not be read (${err instanceof Error ? err.name : 'unknown'})`);
    }
    if (typeof payload.nonce !== 'string' || !sameText(payload.nonce, expected.nonce)) {
      throw new LineWorksLoginError('id_token_invalid', 'LINE WORKS ID token refused (nonce does not match)');
    }
    if (typeof payload.at_hash !== 'string' || !sameText(payload.at_hash, accessTokenHash(expected.accessToken))) {
      throw new LineWorksLoginError('id_token_invalid', 'LINE WORKS ID token refused (at_hash does not match the access token)');
    }
    const claims = identityClaims.safeParse(payload);
    if (!claims.success) throw new LineWorksLoginError('id_token_invalid', 'LINE WORKS ID token refused (no usable sub / domain_id)');
    return { userId: claims.data.sub, domainId: claims.data.domain_id };
  }
}

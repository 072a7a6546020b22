// The RS256 key the emulated auth server signs ID tokens with, published as a JWKS under a `kid`.
// Made once per emulator process on first use; reset keeps it (relying parties cache JWKS).

import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

export class IssuerKeys {
  readonly kid = `emu-${randomBytes(6).toString('hex')}`;
  private pair: Promise<KeyPair> | undefined;

  private keys(): Promise<KeyPair> {
    this.pair ??= generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    return this.pair;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK((await this.keys()).publicKey);
    return { keys: [{ ...jwk, kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  async sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid }).sign((await this.keys()).privateKey);
  }
}

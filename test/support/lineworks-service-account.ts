// The LINE WORKS service-account grant as a production client makes it
// (docs/providers/line-works.md): an RS256 JWT assertion (iss: client ID, sub: service account,
// one hour) signed with the app's private key, exchanged at /oauth2/v2.0/token. The emulator tests
// use it to obtain bot tokens and to probe the grant's refusals.
import { strict as assert } from 'node:assert';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** A fresh app key pair: the public key (PEM) is seeded into the emulator, the private one signs. */
export function appKeyPair(): { publicKey: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, privateKey: createPrivateKey(privateKey) };
}

export async function serviceAccountAssertion(privateKey: KeyObject, claims: { iss: string; sub: string; lifetime?: number }): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(claims.iss)
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (claims.lifetime ?? 3600))
    .sign(privateKey);
}

export interface ServiceAccountApp {
  clientId: string;
  clientSecret: string;
  serviceAccountId: string;
  privateKey: KeyObject;
}

/** The token endpoint's whole answer to the grant. */
export async function requestServiceAccountToken(base: string, app: ServiceAccountApp, scope = 'bot'): Promise<{ status: number; body: Record<string, unknown> }> {
  const assertion = await serviceAccountAssertion(app.privateKey, { iss: app.clientId, sub: app.serviceAccountId });
  const response = await fetch(`${base}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: JWT_BEARER, assertion, client_id: app.clientId, client_secret: app.clientSecret, scope }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** An access token for the app's service account; the grant must succeed. */
export async function serviceAccountToken(base: string, app: ServiceAccountApp, scope = 'bot'): Promise<string> {
  const answer = await requestServiceAccountToken(base, app, scope);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.access_token as string;
}

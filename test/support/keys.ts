// Test credentials made fresh for each run: the LINE WORKS app's RSA key pair, a token-encryption
// key and the freee webhook token. Nothing secret lives in the repository.
import { generateKeyPairSync, randomBytes } from 'node:crypto';

export interface TestSecrets {
  privateKeyPem: string;
  publicKeyPem: string;
  tokenEncryptionKeys: string;
  freeeWebhookToken: string;
  clientId: string;
  clientSecret: string;
}

export function makeTestSecrets(): TestSecrets {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    tokenEncryptionKeys: `test1:${randomBytes(32).toString('base64')}`,
    freeeWebhookToken: randomBytes(24).toString('hex'),
    clientId: `client-${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(16).toString('hex'),
  };
}

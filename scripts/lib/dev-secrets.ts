// The embedded stack's credentials, generated on first start and kept in the data directory
// (mode 600): the LINE WORKS app key pair the emulator trusts, the token-encryption and Temporal
// payload-encryption keys, the
// freee webhook token, the Lansmart API key and event secret, the LINE channels' credentials. Nothing secret is committed; production sets these as environment variables.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const secretsSchema = z.object({
  privateKeyPem: z.string(),
  publicKeyPem: z.string(),
  tokenEncryptionKeys: z.string(),
  temporalPayloadKeys: z.string(),
  freeeWebhookToken: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  productEventSecret: z.string(),
  operatorApiToken: z.string(),
  metricsToken: z.string(),
  freeeClientId: z.string(),
  freeeClientSecret: z.string(),
  botSecret: z.string(),
  sessionSecret: z.string(),
  lansmartApiKey: z.string(),
  lansmartEventSecret: z.string(),
  lineLoginChannelId: z.string(),
  lineLoginChannelSecret: z.string(),
  lineChannelAccessToken: z.string(),
  lineChannelSecret: z.string(),
});

export type DevSecrets = z.infer<typeof secretsSchema>;

/** Fresh credentials: an RSA-2048 app key pair, a 32-byte encryption key with ID `kid`, random tokens. */
export function generateSecrets(kid: string, clientId: string): DevSecrets {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    tokenEncryptionKeys: `${kid}:${randomBytes(32).toString('base64')}`,
    temporalPayloadKeys: `${kid}:${randomBytes(32).toString('base64')}`,
    freeeWebhookToken: randomBytes(24).toString('hex'),
    clientId,
    clientSecret: randomBytes(16).toString('hex'),
    productEventSecret: randomBytes(32).toString('hex'),
    operatorApiToken: randomBytes(24).toString('hex'),
    metricsToken: randomBytes(24).toString('hex'),
    freeeClientId: `${clientId}-freee`,
    freeeClientSecret: randomBytes(16).toString('hex'),
    botSecret: randomBytes(24).toString('base64'),
    sessionSecret: randomBytes(32).toString('hex'),
    lansmartApiKey: randomBytes(24).toString('hex'),
    lansmartEventSecret: randomBytes(32).toString('hex'),
    // LINE channel IDs are 10 digits.
    lineLoginChannelId: String(1_000_000_000 + (randomBytes(4).readUInt32BE(0) % 999_999_999)),
    lineLoginChannelSecret: randomBytes(16).toString('hex'),
    lineChannelAccessToken: randomBytes(32).toString('base64url'),
    lineChannelSecret: randomBytes(16).toString('hex'),
  };
}

export const devSecretsFile = (dataDir: string): string => path.join(dataDir, 'secrets.json');

export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = devSecretsFile(dataDir);
  if (fs.existsSync(file)) {
    // Secrets added by later versions are generated once and kept.
    const stored = secretsSchema.partial().parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const whole = secretsSchema.safeParse(stored);
    if (whole.success) return whole.data;
    const complete = { ...generateSecrets('dev1', 'renkei-dev-app'), ...stored };
    fs.writeFileSync(file, JSON.stringify(complete, null, 2), { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    return complete;
  }
  const secrets = generateSecrets('dev1', 'renkei-dev-app');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** For the helper scripts: the secrets of a running embedded stack, or a clear error. */
export function readDevSecrets(dataDir: string): DevSecrets {
  const file = devSecretsFile(dataDir);
  if (!fs.existsSync(file)) throw new Error(`no embedded stack data in ${dataDir}: start it first with \`npm run dev\``);
  return secretsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

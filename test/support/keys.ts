// Test credentials made fresh for each run; nothing secret lives in the repository.
import { randomBytes } from 'node:crypto';
import { generateSecrets, type DevSecrets } from '../../scripts/lib/dev-secrets';

export type TestSecrets = DevSecrets;

export const makeTestSecrets = (): TestSecrets => generateSecrets('test1', `client-${randomBytes(4).toString('hex')}`);

// Connection options for a Temporal cluster or Temporal Cloud (TLS with client certificates, or an
// API key), shared by the worker's NativeConnection and the API's client Connection.
import { readFileSync } from 'node:fs';
import type { TemporalConfig } from './index';

export interface TemporalConnectionOptions {
  address: string;
  tls?: {
    serverNameOverride?: string;
    serverRootCACertificate?: Buffer;
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  apiKey?: string;
}

export function temporalConnectionOptions(c: TemporalConfig): TemporalConnectionOptions {
  const useTls = c.TEMPORAL_TLS || !!c.TEMPORAL_API_KEY || !!c.TEMPORAL_TLS_CERT_PATH;
  const opts: TemporalConnectionOptions = { address: c.TEMPORAL_ADDRESS };
  if (useTls) {
    opts.tls = {
      serverNameOverride: c.TEMPORAL_TLS_SERVER_NAME,
      serverRootCACertificate: c.TEMPORAL_TLS_CA_PATH ? readFileSync(c.TEMPORAL_TLS_CA_PATH) : undefined,
      clientCertPair:
        c.TEMPORAL_TLS_CERT_PATH && c.TEMPORAL_TLS_KEY_PATH
          ? { crt: readFileSync(c.TEMPORAL_TLS_CERT_PATH), key: readFileSync(c.TEMPORAL_TLS_KEY_PATH) }
          : undefined,
    };
  }
  if (c.TEMPORAL_API_KEY) opts.apiKey = c.TEMPORAL_API_KEY;
  return opts;
}

// Structured JSON logs (pino) for every process. Secret-bearing fields are redacted by path so a
// token, key or verification header can never reach a log line, whatever a caller passes in.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-freee-token"]',
  'req.headers["x-works-signature"]',
  'req.headers["x-line-signature"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.clientSecret',
  '*.client_secret',
  '*.privateKey',
  '*.assertion',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'privateKey',
];

export function createLogger(name: string, level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

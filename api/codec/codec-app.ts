// The codec endpoint: Temporal's remote codec protocol (POST /encode, POST /decode) over renkei's
// payload codec, so operators read encrypted workflow payloads in the Temporal Web UI or CLI.
// Protected by its own listen address (loopback by default) and, when configured, a bearer token —
// the Web UI sends one with `codec.passAccessToken` — compared in constant time. Only the Web UI's
// origins get CORS; a namespace other than renkei's (X-Namespace) is refused: its keys are not ours.
import type { PayloadCodec } from '@temporalio/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../observability/logger';
import { secretEquals } from '../constant-time';
import { codecRequestSchema, fromJson, toJson } from './payload-json';

export interface CodecAppOptions {
  codec: PayloadCodec;
  namespace: string;
  /** Bearer token required on /encode and /decode; none when absent (loopback only, see config). */
  token?: string;
  corsOrigins: readonly string[];
  log: Logger;
}

const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Namespace';

export function createCodecApp(o: CodecAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const origins = new Set(o.corsOrigins);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (origin && origins.has(origin)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    if (req.method === 'OPTIONS') {
      res.status(origin && origins.has(origin) ? 204 : 403).end();
      return;
    }
    next();
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!o.token) return next();
    const header = req.get('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (secretEquals(token, o.token)) return next();
    res.set('WWW-Authenticate', 'Bearer realm="renkei-codec"').status(401).json({ error: 'unauthorized', message: 'a valid bearer token is required' });
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    const namespace = req.get('x-namespace');
    if (namespace === undefined || namespace === o.namespace) return next();
    res.status(403).json({ error: 'wrong_namespace', message: `this codec endpoint serves namespace ${o.namespace}` });
  });

  app.use(express.json({ limit: '8mb' }));

  const route = (op: 'encode' | 'decode') => async (req: Request, res: Response): Promise<void> => {
    const parsed = codecRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'bad_request', message: 'expected {"payloads":[{"metadata":{…base64},"data":"base64"}]}' });
      return;
    }
    try {
      const payloads = await o.codec[op](parsed.data.payloads.map(fromJson));
      res.json({ payloads: payloads.map(toJson) });
    } catch (err) {
      // A payload sealed with a key we do not hold, or altered: say so, without its content.
      const message = err instanceof Error ? err.message : String(err);
      o.log.warn({ op, error: message }, 'codec request refused');
      res.status(422).json({ error: 'undecodable', message });
    }
  };
  app.post('/encode', route('encode'));
  app.post('/decode', route('decode'));

  app.use((req: Request, res: Response) => {
    res.status(req.path === '/encode' || req.path === '/decode' ? 405 : 404).json({ error: 'not_found' });
  });
  // Malformed JSON and oversized bodies are the client's fault: a 4xx, never a stack trace.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    void next;
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) o.log.error({ err }, 'codec endpoint failed');
    res.status(status).json({ error: status === 500 ? 'internal' : 'bad_request', message: status === 500 ? 'internal error' : 'malformed request body' });
  });
  return app;
}

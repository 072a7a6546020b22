// A local HTTP endpoint standing in for renkei where the emulators call out (webhooks, bot
// callbacks, lifecycle and platform events): it records each request's headers and raw body and
// answers what the test decides, so a test sees exactly what an emulator sent.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ReceiverAnswer {
  status: number;
  /** Sent as JSON when present. */
  json?: unknown;
}

export class HttpReceiver {
  readonly received: ReceivedRequest[] = [];
  /** The endpoint's URL (`path` on a random loopback port), set by start(). */
  url = '';
  private server: Server | undefined;

  constructor(
    private readonly path: string,
    private readonly answer: (request: ReceivedRequest, index: number) => ReceiverAnswer,
  ) {}

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        const index = this.received.length;
        this.received.push(request);
        const { status, json } = this.answer(request, index);
        if (json === undefined) res.writeHead(status).end();
        else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      });
    });
    this.server = server;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${this.path}`;
    return this;
  }

  stop(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}

/**
 * For a describe block: a receiver started before its tests and stopped after them, whose record
 * of requests is emptied before each test (call it inside `describe`, before hooks that use it).
 */
export function useHttpReceiver(path: string, answer: (request: ReceivedRequest, index: number) => ReceiverAnswer): HttpReceiver {
  const receiver = new HttpReceiver(path, answer);
  before(async () => {
    await receiver.start();
  });
  after(() => {
    receiver.stop();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });
  return receiver;
}

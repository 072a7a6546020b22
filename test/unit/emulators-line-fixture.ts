// Shared set-up of the LINE emulator tests: the emulator started with the harness on a random
// port, a seed with a LINE Login channel, the linked Official Account and three LINE users, a
// local webhook receiver that checks x-line-signature, and page-walking helpers.

import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserPage } from '../../emulators/browser-client';
import { silentLogger } from '../../emulators/harness/logger';
import { startEmulatorServer, type RunningEmulator } from '../../emulators/harness/server';
import { LineControl } from '../../emulators/line/control-client';
import { createLineEmulator } from '../../emulators/line/emulator';
import type { LineSeed } from '../../emulators/line/seed-schema';
import type { LineWebhookBody } from '../../emulators/line/webhook-event';
import { hmacSignatureValid } from '../support/hmac-signature';

export const LOGIN_CHANNEL_ID = '1650000001';
export const LOGIN_CHANNEL_SECRET = 'login-channel-secret';
export const REDIRECT_URI = 'https://lansmart.example/auth/line/callback';
export const APP_NAME = 'Lansmart by SmartHR';
export const MESSAGING_CHANNEL_ID = '1650000002';
export const MESSAGING_CHANNEL_SECRET = 'messaging-channel-secret';
export const CHANNEL_ACCESS_TOKEN = 'long-lived-channel-access-token';
export const BOT_USER_ID = `U${'b'.repeat(32)}`;
export const OA_NAME = 'Lansmart';

/** Has an e-mail, not yet a friend. */
export const HANAKO = { userId: `U${'1'.repeat(32)}`, displayName: '佐藤 花子', email: 'hanako@partner.example' };
/** No e-mail, already a friend. */
export const TARO = { userId: `U${'2'.repeat(32)}`, displayName: '鈴木 太郎', email: null, friend: true };
/** A friend who blocks the account. */
export const JIRO = { userId: `U${'3'.repeat(32)}`, displayName: '田中 次郎', email: 'jiro@partner.example', friend: true, blocked: true };

export function lineSeed(webhookUrl: string, messaging: Partial<NonNullable<LineSeed['messagingChannel']>> = {}): LineSeed {
  return {
    loginChannel: { channelId: LOGIN_CHANNEL_ID, channelSecret: LOGIN_CHANNEL_SECRET, name: APP_NAME, redirectUris: [REDIRECT_URI] },
    messagingChannel: {
      channelId: MESSAGING_CHANNEL_ID,
      channelSecret: MESSAGING_CHANNEL_SECRET,
      channelAccessToken: CHANNEL_ACCESS_TOKEN,
      botUserId: BOT_USER_ID,
      name: OA_NAME,
      webhookUrl,
      ...messaging,
    },
    users: [HANAKO, TARO, JIRO],
  };
}

export { hmacSignatureValid as signatureValid } from '../support/hmac-signature';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: LineWebhookBody;
  verified: boolean;
}

/** A webhook endpoint: records what arrives (checking the signature) and answers `answer(n)`. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Status for the n-th request (0-based); 200 unless changed. */
  answer: (index: number) => number = () => 200;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const verified = hmacSignatureValid(MESSAGING_CHANNEL_SECRET, rawBody, req.headers['x-line-signature'] as string | undefined);
        const index = this.received.length;
        this.received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody) as LineWebhookBody, verified });
        res.writeHead(verified ? this.answer(index) : 401).end();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/line/webhook`;
  }

  reset(): void {
    this.received.length = 0;
    this.answer = () => 200;
  }

  /** Every event received, in arrival order. */
  events(): LineWebhookBody['events'] {
    return this.received.flatMap((webhook) => webhook.body.events);
  }

  stop(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}

export interface LineHarness {
  emulator: RunningEmulator;
  base: string;
  control: LineControl;
  receiver: WebhookReceiver;
}

export async function startLine(): Promise<LineHarness> {
  const receiver = new WebhookReceiver();
  await receiver.start();
  const emulator = await startEmulatorServer(createLineEmulator(), { host: '127.0.0.1', port: 0, logger: silentLogger() });
  return { emulator, base: emulator.url, control: new LineControl(emulator.url), receiver };
}

export async function stopLine(harness: LineHarness | undefined): Promise<void> {
  harness?.receiver.stop();
  await harness?.emulator.stop();
}

/**
 * For the enclosing describe: starts the LINE emulator and its webhook receiver once, and before
 * each test clears both and seeds `lineSeed`. The harness is read through the returned object.
 */
export function useLine(): LineHarness {
  let harness: LineHarness | undefined;
  const started = (): LineHarness => {
    assert.ok(harness, 'the LINE emulator is not started');
    return harness;
  };
  before(async () => {
    harness = await startLine();
  });
  after(async () => {
    await stopLine(harness);
  });
  beforeEach(async () => {
    const { receiver, control } = started();
    receiver.reset();
    await control.reset();
    await control.seed(lineSeed(receiver.url));
  });
  return {
    get emulator() {
      return started().emulator;
    },
    get base() {
      return started().base;
    },
    get control() {
      return started().control;
    },
    get receiver() {
      return started().receiver;
    },
  };
}

export { signIn } from '../support/emulator-sign-in';

/** The query of the redirect back to the client. */
export function callbackParams(page: BrowserPage): URLSearchParams {
  assert.ok(page.location !== undefined, `expected a redirect to the client, got ${page.status} at ${page.url}: ${page.html.slice(0, 300)}`);
  assert.ok(page.location.startsWith(REDIRECT_URI), page.location);
  return new URL(page.location).searchParams;
}

export { getJson, postForm } from '../support/http-json';

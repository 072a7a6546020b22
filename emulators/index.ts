// Starts the provider emulators in-process (tests, the dev launcher) and re-exports what callers
// need: the control client, the page-walking browser client, the seed and event types, and the
// event factories.

import { createFreeeEmulator } from './freee/emulator';
import { toLogger, type EmulatorLog } from './harness/logger';
import { startEmulatorServer, type RunningEmulator } from './harness/server';
import { createLansmartEmulator } from './lansmart/emulator';
import { createLineEmulator } from './line/emulator';
import { createLineWorksEmulator } from './lineworks/emulator';
import { startMailSink } from './mail/sink';

export interface EmulatorUrls {
  /** LINE WORKS: auth at `${lineworks}/oauth2/v2.0`, API at `${lineworks}/v1.0`. */
  lineworks: string;
  freee: string;
  /** LINE: access.line.me, api.line.me and api-data.line.me on one base URL. */
  line: string;
  /** The Lansmart platform (API, control, company console). */
  lansmart: string;
  /** The mail sink's web inbox and control routes. */
  mail: string;
  /** Where to send mail (plain SMTP). */
  smtp: { host: string; port: number };
}

export interface StartEmulatorsOptions {
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** 0 or absent = a random free port. */
  ports?: { lineworks?: number; freee?: number; line?: number; lansmart?: number; mail?: number; smtp?: number };
  /** A pino logger, or a sink for JSON log lines; silent when absent. */
  log?: EmulatorLog;
}

export interface RunningEmulators {
  urls: EmulatorUrls;
  stop(): Promise<void>;
}

export async function startEmulators(options: StartEmulatorsOptions = {}): Promise<RunningEmulators> {
  const host = options.host ?? '127.0.0.1';
  const logger = toLogger(options.log);
  const started: Array<Pick<RunningEmulator, 'stop'>> = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(started.map((emulator) => emulator.stop()));
  };
  try {
    const lineworks = await startEmulatorServer(createLineWorksEmulator(), { host, port: options.ports?.lineworks ?? 0, logger });
    started.push(lineworks);
    const freee = await startEmulatorServer(createFreeeEmulator(), { host, port: options.ports?.freee ?? 0, logger });
    started.push(freee);
    const line = await startEmulatorServer(createLineEmulator(), { host, port: options.ports?.line ?? 0, logger });
    started.push(line);
    const lansmart = await startEmulatorServer(createLansmartEmulator(), { host, port: options.ports?.lansmart ?? 0, logger });
    started.push(lansmart);
    const mail = await startMailSink({ host, httpPort: options.ports?.mail ?? 0, smtpPort: options.ports?.smtp ?? 0, ...(options.log ? { log: options.log } : {}) });
    started.push(mail);
    return {
      urls: { lineworks: lineworks.url, freee: freee.url, line: line.url, lansmart: lansmart.url, mail: mail.url, smtp: mail.smtpUrl },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export { BrowserClient, pageForms, type BrowserPage, type PageForm } from './browser-client';
export { EmulatorControl, EmulatorControlError } from './control-client';
export { LansmartControl } from './lansmart/control-client';
export { LineControl } from './line/control-client';
export { MailControl } from './mail/control-client';
export { freeeEvent, type FreeeEventInput } from './freee/event-factory';
export { FREEE_PRODUCTS, type FreeeProduct, type FreeeProductEvent, type ProductEventConfig, type ProductEventDelivery } from './freee/product-event';
export { productEvent, type ProductEventInput } from './freee/product-event-factory';
export { renkeiSignature } from './freee/product-event-delivery';
export type { FreeeSeed } from './freee/seed-schema';
export type { FreeeWebhookEvent, RecordedDelivery, WebhookDeliveryResult } from './freee/webhook-event';
export type { ActiveFault, FaultSpecInput } from './harness/fault-spec';
export type { RecordedRequest, RequestFilter } from './harness/recorded-request';
export type { AppUninstalledEvent, LifecycleDelivery } from './lineworks/lifecycle-event';
export type { BotCallbackEvent, ControlCallbackRequest, RecordedCallback } from './lineworks/callback-event';
export type { BotInfo, InstallationInfo } from './lineworks/installation-types';
export type { CreateRichMenuBody, EffectiveRichMenu, RichMenuView } from './lineworks/richmenu-schema';
export type { DeliveredLineWorksMessage, LineWorksMessageFilter, LineWorksSeed } from './lineworks/seed-schema';
export type { TalkAction } from './lineworks/talk-log';

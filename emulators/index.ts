// Starts the provider emulators in-process (tests, the dev launcher) and re-exports what callers
// need: the control client, the page-walking browser client, the seed and event types, and the
// event factories.

import { createFreeeEmulator } from './freee/emulator';
import { toLogger, type EmulatorLog } from './harness/logger';
import { startEmulatorServer, type RunningEmulator } from './harness/server';
import { createLineWorksEmulator } from './lineworks/emulator';

export interface EmulatorUrls {
  /** LINE WORKS: auth at `${lineworks}/oauth2/v2.0`, API at `${lineworks}/v1.0`. */
  lineworks: string;
  freee: string;
}

export interface StartEmulatorsOptions {
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** 0 or absent = a random free port. */
  ports?: { lineworks?: number; freee?: number };
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
  const started: RunningEmulator[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(started.map((emulator) => emulator.stop()));
  };
  try {
    const lineworks = await startEmulatorServer(createLineWorksEmulator(), { host, port: options.ports?.lineworks ?? 0, logger });
    started.push(lineworks);
    const freee = await startEmulatorServer(createFreeeEmulator(), { host, port: options.ports?.freee ?? 0, logger });
    started.push(freee);
    return { urls: { lineworks: lineworks.url, freee: freee.url }, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export { BrowserClient, pageForms, type BrowserPage, type PageForm } from './browser-client';
export { EmulatorControl, EmulatorControlError } from './control-client';
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

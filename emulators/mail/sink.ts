// Starts the mail sink: the SMTP listener renkei sends to (nodemailer `{host, port, secure:false}`)
// and the web inbox with its control routes, sharing one mailbox. Random free ports by default.

import { toLogger, type EmulatorLog } from '../harness/logger';
import { startEmulatorServer } from '../harness/server';
import { createMailEmulator } from './emulator';
import { startSmtpListener } from './smtp-listener';
import { MailSinkState } from './state';

export interface StartMailSinkOptions {
  /** Interface to bind both servers to (default 127.0.0.1). */
  host?: string;
  /** 0 or absent = a random free port. */
  smtpPort?: number;
  httpPort?: number;
  /** A pino logger, or a sink for JSON log lines; silent when absent. */
  log?: EmulatorLog;
}

export interface RunningMailSink {
  /** Where to send mail: plain SMTP, no TLS, any (or no) credentials. */
  smtpUrl: { host: string; port: number };
  /** The web inbox and control routes (no trailing slash). */
  url: string;
  stop(): Promise<void>;
}

export async function startMailSink(options: StartMailSinkOptions = {}): Promise<RunningMailSink> {
  const host = options.host ?? '127.0.0.1';
  const logger = toLogger(options.log);
  const state = new MailSinkState();
  const smtp = await startSmtpListener(state, { host, port: options.smtpPort ?? 0, logger: logger.child({ emulator: 'mail' }) });
  try {
    const web = await startEmulatorServer(createMailEmulator(state), { host, port: options.httpPort ?? 0, logger });
    return {
      smtpUrl: { host: smtp.host, port: smtp.port },
      url: web.url,
      stop: async () => {
        await Promise.all([smtp.stop(), web.stop()]);
      },
    };
  } catch (error) {
    await smtp.stop();
    throw error;
  }
}

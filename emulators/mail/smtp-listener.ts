// The sink's SMTP server (smtp-server from the nodemailer project): plain SMTP on loopback, no
// STARTTLS, any sender and recipient, AUTH accepted with any credentials but never required (so a
// sender configured for a real relay works unchanged). Each message is parsed and stored; armed
// SMTP faults refuse transactions at RCPT TO or at the end of DATA with the chosen reply.

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerError, type SMTPServerSession } from 'smtp-server';
import { parseReceivedMessage } from './parse-message';
import type { MailSinkState } from './state';

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface RunningSmtpListener {
  host: string;
  port: number;
  stop(): Promise<void>;
}

function smtpReply(code: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode: code });
}

const transactionOf = (session: SMTPServerSession): string => `${session.id}:${session.transaction}`;

export async function startSmtpListener(state: MailSinkState, options: { host: string; port: number; logger: Logger }): Promise<RunningSmtpListener> {
  const server = new SMTPServer({
    name: 'mail-sink.local',
    banner: 'renkei mail sink',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_MESSAGE_BYTES,
    disableReverseLookup: true,
    closeTimeout: 1_000,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onRcptTo(_address, session, callback) {
      const fault = state.smtpFaults.take(transactionOf(session), 'rcpt');
      callback(fault === undefined ? null : smtpReply(fault.code, fault.message));
    },
    onData(stream, session, callback) {
      const fault = state.smtpFaults.take(transactionOf(session), 'data');
      if (fault !== undefined) {
        stream.on('end', () => callback(smtpReply(fault.code, fault.message)));
        stream.resume();
        return;
      }
      const envelope = {
        mailFrom: session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address,
        rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
      };
      parseReceivedMessage(stream, envelope).then(
        (message) => {
          if (stream.sizeExceeded) {
            callback(smtpReply(552, 'Message exceeds fixed maximum message size'));
            return;
          }
          state.messages.add(message);
          options.logger.info({ id: message.id, to: message.to, subject: message.subject }, 'mail received');
          callback(null, `Message queued as ${message.id}`);
        },
        (error: unknown) => {
          options.logger.warn({ err: error }, 'mail could not be parsed');
          callback(smtpReply(451, 'Message could not be parsed'));
        },
      );
    },
    onClose(session) {
      state.smtpFaults.forgetSession(session.id);
    },
  });
  server.on('error', (error) => options.logger.warn({ err: error }, 'smtp listener error'));
  server.listen(options.port, options.host);
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  options.logger.info({ host: options.host, port }, 'mail sink SMTP listening');

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => server.close(() => resolve()));
    return stopped;
  };
  return { host: options.host, port, stop };
}

// E-mail to partners over SMTP with nodemailer, over a pool of at most `maxConnections` open
// connections that messages reuse (no TCP, greeting and TLS set-up per message; a connection that
// dropped is opened again). The Message-ID is derived from the delivery key,
// so the one message a retried activity might send twice carries the same ID and mail clients
// treat the copies as one. An SMTP server's refusal usually quotes the recipient's address; it is
// taken out of the error, which reaches the delivery log and the workflow history.
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { ProviderRejectedError, ProviderUnavailableError } from '../http-errors';

const PROVIDER = 'smtp';

/** Anything shaped like an e-mail address, with or without angle brackets. */
const ADDRESS = /<?[^\s<>@"(),;:]+@[A-Za-z0-9.-]+>?/g;

/** The SMTP error text without any address in it (the recipient's, the sender's, a relay's). */
export const withoutAddresses = (text: string): string => text.replace(ADDRESS, '<address>');

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  deliveryKey: string;
}

export interface MailerOptions {
  /** smtp://host:port or smtps://user:pass@host:port */
  smtpUrl: string;
  from: string;
  timeoutMs: number;
  /** Open connections kept and reused (nodemailer's pool). */
  maxConnections: number;
}

interface SmtpError {
  responseCode?: number;
  code?: string;
  message?: string;
}

export class Mailer {
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(private readonly o: MailerOptions) {
    const url = new URL(o.smtpUrl);
    this.transport = nodemailer.createTransport({
      pool: true,
      maxConnections: o.maxConnections,
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: o.timeoutMs,
      greetingTimeout: o.timeoutMs,
      socketTimeout: o.timeoutMs,
    });
    this.domain = /@([^>\s]+)>?\s*$/.exec(o.from)?.[1] ?? 'renkei.invalid';
  }

  messageId(deliveryKey: string): string {
    return `<${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 32)}@${this.domain}>`;
  }

  async send(m: MailMessage): Promise<{ messageId: string }> {
    const messageId = this.messageId(m.deliveryKey);
    try {
      await this.transport.sendMail({ from: this.o.from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId });
      return { messageId };
    } catch (err) {
      const e = err as SmtpError;
      const message = `smtp: ${withoutAddresses(e.message ?? String(err))}`;
      // 5xx replies are permanent (bad address, refused); 4xx and connection failures are transient.
      if (typeof e.responseCode === 'number' && e.responseCode >= 500) throw new ProviderRejectedError(PROVIDER, message, e.responseCode, e.code);
      throw new ProviderUnavailableError(PROVIDER, message, e.responseCode, e.code);
    }
  }

  close(): void {
    this.transport.close();
  }
}

// Environment schemas of the Lansmart × LINE side: the platform API and its signed events, LINE
// Login (partners' login and registration), the LINE Messaging API (the Official Account), SMTP,
// and the reminder hour. Defaults are the embedded stack's (emulators and the mail sink on
// loopback); production sets the real hosts and credentials.
import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));
const optionalSecret = (min: number, hint: string) => z.preprocess((v) => (v === '' ? undefined : v), z.string().min(min, hint).optional());
const timeout = z.coerce.number().int().positive().default(10_000);

export const lansmartSchema = z.object({
  LANSMART_API_BASE_URL: url.default('http://127.0.0.1:4014'),
  LANSMART_API_KEY: z.string().min(1, 'required (the platform’s API key for renkei)'),
  LANSMART_HTTP_TIMEOUT_MS: timeout,
});

/** The partners' sign-in (the API only): where LINE Login's openid-configuration lives. */
export const lineSignInSchema = z.object({
  /** access.line.me in production. */
  LINE_AUTH_BASE_URL: url.default('http://127.0.0.1:4013'),
});

/** LINE Login's token APIs on the API host (the worker's refresh and token checks, and the API). */
export const lineLoginSchema = z.object({
  /** api.line.me in production. */
  LINE_API_BASE_URL: url.default('http://127.0.0.1:4013'),
  LINE_LOGIN_CHANNEL_ID: z.string().min(1, 'required (LINE Developers → LINE Login channel → Channel ID)'),
  LINE_LOGIN_CHANNEL_SECRET: z.string().min(1, 'required (LINE Login channel → Channel secret)'),
  LINE_HTTP_TIMEOUT_MS: timeout,
});

export const lineMessagingSchema = z.object({
  LINE_API_BASE_URL: url.default('http://127.0.0.1:4013'),
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(1, 'required (Messaging API channel → Channel access token)'),
  LINE_HTTP_TIMEOUT_MS: timeout,
});

export const mailSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().min(3).default('Lansmart by SmartHR <noreply@lansmart.example>'),
  SMTP_TIMEOUT_MS: timeout,
  /** SMTP connections kept open and reused (each message over an open one: no handshake, no TLS set-up). */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
});

/** Where partners reach renkei's pages (links in notifications). */
export const partnerWebSchema = z.object({
  API_PUBLIC_URL: url.default('http://127.0.0.1:3000'),
});

/** The platform's name partners know, on every partner page (title and footer): they are its users. */
const brand = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'at most 60 characters')
  .regex(/^[^<>\p{Cc}]+$/u, 'plain text on one line (no < > or control characters)');

/** What only the API needs: the event and webhook secrets, the reminder hour and the 報告書 size limit. */
export const partnerApiSchema = z.object({
  /** Shared secret of the platform's signed events; the endpoint answers 503 while unset. */
  LANSMART_EVENT_SECRET: optionalSecret(32, 'at least 32 characters (e.g. `openssl rand -hex 32`)'),
  /** Messaging API channel secret: the key of x-line-signature. */
  LINE_CHANNEL_SECRET: z.string().min(1, 'required (Messaging API channel → Channel secret)'),
  /** JST hour (0–23) at which 「請求書を作成してください」 reminders go out. */
  REMINDER_HOUR_JST: z.coerce.number().int().min(0).max(23).default(10),
  /** The platform's brand on the partner pages. */
  LANSMART_BRAND: brand.default('Lansmart by SmartHR'),
  /** The platform's own e-mail login page: where a company user or a partner without the LINE option signs in instead. */
  LANSMART_LOGIN_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4014/login'),
  /** How long a partner's page waits for a worker to answer a step before saying it could not be done now. */
  ORDER_STEP_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(20_000),
  /** The largest 報告書 file a partner may upload, in bytes (the platform takes up to 20 MiB). */
  REPORT_FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(20 * 1024 * 1024).default(10 * 1024 * 1024),
});
